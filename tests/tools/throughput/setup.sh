#!/usr/bin/env bash
# Installs and builds everything tests/tools/throughput needs; safe to run repeatedly.
#   Debian packages: compilers (clang and zlib headers for .NET's Native AOT
#   link), libmosquitto and Paho C headers, Python paho,
#   mosquitto, matplotlib for the chart, GNU time for RSS/CPU, Node + npm.
#   npm: mqtt.js at the version pinned in peers/mqttjs/package-lock.json.
#   make: the C peers, the latency tool and the reference subscriber.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PACKAGES=(build-essential clang zlib1g-dev libmosquitto-dev libpaho-mqtt-dev python3-paho-mqtt mosquitto python3-matplotlib time nodejs npm)

missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
# Node may come from elsewhere than Debian; only ask apt for it when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
    kept=()
    for package in "${missing[@]}"; do
        case $package in nodejs|npm) ;; *) kept+=("$package") ;; esac
    done
    missing=("${kept[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
    echo "installing: ${missing[*]}" >&2
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci wipes and reinstalls node_modules, so skip it when the installed
# tree already matches the committed lock file.
mqttjs=$BENCH_DIR/peers/mqttjs
if ! cmp -s "$mqttjs/package-lock.json" "$mqttjs/node_modules/.setup-lock.json" 2>/dev/null; then
    (cd "$mqttjs" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$mqttjs/package-lock.json" "$mqttjs/node_modules/.setup-lock.json"
fi

make -s -C "$BENCH_DIR"
echo "tests/tools/throughput ready: run tests/tools/throughput/compare.sh and tests/tools/throughput/latency.sh" >&2
"$BENCH_DIR/build-edgesensor.sh"
