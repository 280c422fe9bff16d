#!/usr/bin/env bash
# Publishes EdgeSensor's benchmark client (a Release build, not `dotnet run`) where compare.sh and latency.sh
# look for it: out/edgesensor-bench/edgesensor-bench, and out/edgesensor-latency/edgesensor-latency, a launcher
# for its latency mode.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
dotnet publish "$ROOT/tests/EdgeSensor.Bench/EdgeSensor.Bench.csproj" -c Release -o "$BENCH_DIR/out/edgesensor-bench" --nologo -v quiet
mkdir -p "$BENCH_DIR/out/edgesensor-latency"
cat > "$BENCH_DIR/out/edgesensor-latency/edgesensor-latency" <<'LAUNCHER'
#!/usr/bin/env bash
exec "$(dirname "$0")/../edgesensor-bench/edgesensor-bench" latency "$@"
LAUNCHER
chmod +x "$BENCH_DIR/out/edgesensor-latency/edgesensor-latency"
echo "built: $BENCH_DIR/out/edgesensor-bench/edgesensor-bench (and the latency launcher)"
