#!/usr/bin/env bash
# Publishes EdgeSensor's benchmark client two ways, where compare.sh and latency.sh look for them:
#   out/edgesensor-bench/edgesensor-bench          Native AOT (the headline row: the client's own work, no JIT)
#   out/edgesensor-bench-jit/edgesensor-bench      framework-dependent, JIT-compiled (.NET as most desktops run it)
# and out/edgesensor-latency/edgesensor-latency, a launcher for the AOT build's latency mode.
# Native AOT links with clang and needs zlib headers (clang, zlib1g-dev); setup.sh installs them.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../../.." && pwd)
PROJECT=$ROOT/tests/tools/throughput/EdgeSensor.ThroughputClient/EdgeSensor.ThroughputClient.csproj
rm -rf "$BENCH_DIR/out/edgesensor-bench" "$BENCH_DIR/out/edgesensor-bench-jit" # no stale files from the other build
dotnet publish "$PROJECT" -c Release -o "$BENCH_DIR/out/edgesensor-bench-jit" --nologo -v quiet
dotnet publish "$PROJECT" -c Release -r linux-x64 -p:PublishAot=true -o "$BENCH_DIR/out/edgesensor-bench" --nologo -v quiet
mkdir -p "$BENCH_DIR/out/edgesensor-latency"
cat > "$BENCH_DIR/out/edgesensor-latency/edgesensor-latency" <<'LAUNCHER'
#!/usr/bin/env bash
exec "$(dirname "$0")/../edgesensor-bench/edgesensor-bench" latency "$@"
LAUNCHER
chmod +x "$BENCH_DIR/out/edgesensor-latency/edgesensor-latency"
echo "built: $BENCH_DIR/out/edgesensor-bench/edgesensor-bench (Native AOT), $BENCH_DIR/out/edgesensor-bench-jit/edgesensor-bench (JIT), and the latency launcher"
