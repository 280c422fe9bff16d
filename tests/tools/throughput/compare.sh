#!/usr/bin/env bash
# End-to-end publish benchmark: EdgeSensor's client against peer MQTT clients,
# all following the contract in tests/tools/throughput/README.md, on one private
# mosquitto bound to 127.0.0.1.
#
#   tests/tools/throughput/compare.sh [--n N] [--size BYTES] [--reps R] [--qos 0,1]
#                          [--clients a,b,...] [--clients-file FILE] [--out DIR]
#
# Clients: edgesensor (Native AOT build; $EDGESENSOR_BENCH, default
# tests/tools/throughput/out/edgesensor-bench/edgesensor-bench), edgesensor-jit (the same
# client JIT-compiled; $EDGESENSOR_BENCH_JIT, default out/edgesensor-bench-jit/),
# libmosquitto, paho-c, paho-python, mqttjs; --clients-file adds lines of
# "name command words..." (the contract's arguments are appended).
# Writes DIR/results.md, DIR/results.csv and DIR/throughput.png
# (DIR defaults to docs/benchmarks) and prints the tables.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/../../.." && pwd)
# shellcheck source=lib/broker.sh
source "$BENCH_DIR/lib/broker.sh"

N=100000
SIZE=16
REPS=3
QOS_LIST=0,1
CLIENT_FILTER=
CLIENTS_FILE=
OUT_DIR=$REPO_DIR/docs/benchmarks
EDGESENSOR_BENCH=${EDGESENSOR_BENCH:-$BENCH_DIR/out/edgesensor-bench/edgesensor-bench}
EDGESENSOR_BENCH_JIT=${EDGESENSOR_BENCH_JIT:-$BENCH_DIR/out/edgesensor-bench-jit/edgesensor-bench}
CLIENT_TIMEOUT=${CLIENT_TIMEOUT:-300}

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
    case $1 in
        --n) N=$2; shift 2 ;;
        --size) SIZE=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        --qos) QOS_LIST=$2; shift 2 ;;
        --clients) CLIENT_FILTER=$2; shift 2 ;;
        --clients-file) CLIENTS_FILE=$2; shift 2 ;;
        --out) OUT_DIR=$2; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option: $1" >&2; usage 2 ;;
    esac
done

declare -A COMMAND=()
NAMES=()

add_client() {
    local name=$1
    shift
    COMMAND[$name]="$*"
    NAMES+=("$name")
}

# Registers every client that can run here; says why the others cannot.
discover_clients() {
    if [ -x "$EDGESENSOR_BENCH" ]; then
        add_client edgesensor "$EDGESENSOR_BENCH"
    else
        echo "note: EdgeSensor client not found at $EDGESENSOR_BENCH (set EDGESENSOR_BENCH); running the peers only" >&2
    fi
    [ -x "$EDGESENSOR_BENCH_JIT" ] && add_client edgesensor-jit "$EDGESENSOR_BENCH_JIT"
    make -s -C "$BENCH_DIR" >&2 || echo "note: C peers did not build: run tests/tools/throughput/setup.sh" >&2
    [ -x "$BENCH_DIR/build/libmosquitto-bench" ] && add_client libmosquitto "$BENCH_DIR/build/libmosquitto-bench"
    [ -x "$BENCH_DIR/build/paho-c-bench" ] && add_client paho-c "$BENCH_DIR/build/paho-c-bench"
    if /usr/bin/python3 -c 'import paho.mqtt.client' 2>/dev/null; then
        add_client paho-python /usr/bin/python3 "$BENCH_DIR/peers/python/bench.py"
    else
        echo "note: python3-paho-mqtt missing: skipping paho-python" >&2
    fi
    if [ -d "$BENCH_DIR/peers/mqttjs/node_modules/mqtt" ] && command -v node >/dev/null; then
        add_client mqttjs node "$BENCH_DIR/peers/mqttjs/bench.js"
    else
        echo "note: mqtt.js not installed (tests/tools/throughput/setup.sh runs npm ci): skipping mqttjs" >&2
    fi
    if [ -n "$CLIENTS_FILE" ]; then
        local name rest
        while read -r name rest; do
            case $name in ''|'#'*) continue ;; esac
            add_client "$name" "$rest"
        done < "$CLIENTS_FILE"
    fi
}

select_clients() {
    [ -z "$CLIENT_FILTER" ] && return
    local wanted=() name
    IFS=, read -r -a wanted <<< "$CLIENT_FILTER"
    for name in "${wanted[@]}"; do
        [ -n "${COMMAND[$name]:-}" ] || { echo "client '$name' is not available here (have: ${NAMES[*]})" >&2; exit 2; }
    done
    NAMES=("${wanted[@]}")
}

# Value of key=value in a line of space-separated fields ("" when absent).
field() {
    local key=$1 line=$2 word
    for word in $line; do
        case $word in "$key="*) echo "${word#*=}"; return ;; esac
    done
}

wait_for_ready() {
    local file=$1 pid=$2 waited=0
    until grep -q '^READY' "$file" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || return 1
        [ $waited -lt 400 ] || return 1
        sleep 0.025
        waited=$((waited + 1))
    done
}

# Broker CPU time so far (user+sys, seconds): tells whether a run was
# limited by the broker rather than by the client.
broker_cpu_seconds() {
    awk -v tck="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($14 + $15) / tck }' "/proc/$BROKER_PID/stat"
}

SUB_PID=
cleanup() {
    if [ -n "$SUB_PID" ]; then kill "$SUB_PID" 2>/dev/null || true; fi
    bench_stop_broker
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CSV_HEADER=qos,rep,position,client,n,size,status,publish_seconds,publish_msgs_per_s,e2e_seconds,e2e_msgs_per_s,received,extra,max_rss_kib,user_s,sys_s,start_epoch,first_epoch,last_epoch,broker_cpu_s,alloc_bytes_per_msg

# One measured run; appends a CSV row and prints a progress line to stderr.
run_once() {
    local qos=$1 rep=$2 position=$3 name=$4
    local tag=$name.q$qos.r$rep
    local topic=bench/$name/q$qos/r$rep/$$
    local sub_out=$WORK/$tag.sub.out client_out=$WORK/$tag.out client_err=$WORK/$tag.err times=$WORK/$tag.time
    local sub_timeout=$((CLIENT_TIMEOUT + 30))

    "$BENCH_DIR/build/subscriber" 127.0.0.1 "$BROKER_PORT" "$topic" "$N" "$qos" "$sub_timeout" \
        > "$sub_out" 2> "$WORK/$tag.sub.err" &
    SUB_PID=$!
    if ! wait_for_ready "$sub_out" "$SUB_PID"; then
        echo "subscriber never became ready; see $WORK/$tag.sub.err" >&2
        exit 1
    fi

    local status=ok client_rc=0 broker_cpu_before
    broker_cpu_before=$(broker_cpu_seconds)
    # shellcheck disable=SC2086 # the command is a list of words on purpose
    /usr/bin/time -f '%M %U %S' -o "$times" timeout "$CLIENT_TIMEOUT" ${COMMAND[$name]} \
        127.0.0.1 "$BROKER_PORT" "$topic" "$N" "$SIZE" "$qos" > "$client_out" 2> "$client_err" || client_rc=$?
    local result
    result=$(grep '^RESULT ' "$client_out" | tail -n 1 || true)
    if [ $client_rc -ne 0 ] || [ -z "$result" ]; then
        status=client_failed
        kill "$SUB_PID" 2>/dev/null || true
    elif [ "$(field n "$result")" != "$N" ] || [ "$(field qos "$result")" != "$qos" ] \
        || [ "$(field size "$result")" != "$SIZE" ] || [ -z "$(field start_epoch "$result")" ]; then
        # A RESULT line that does not echo the run's arguments breaks the contract.
        status=bad_result
        kill "$SUB_PID" 2>/dev/null || true
    fi
    local sub_rc=0
    wait "$SUB_PID" || sub_rc=$?
    SUB_PID=
    local broker_cpu
    broker_cpu=$(awk -v a="$broker_cpu_before" -v b="$(broker_cpu_seconds)" 'BEGIN { printf "%.2f", b - a }')
    local sub_line
    sub_line=$(grep '^SUB ' "$sub_out" | tail -n 1 || true)
    if [ $status = ok ] && { [ $sub_rc -ne 0 ] || [ -z "$sub_line" ]; }; then status=subscriber_incomplete; fi

    local rss=0 user=0 sys=0
    if [ -s "$times" ]; then read -r rss user sys < <(grep -E '^[0-9]+ ' "$times" | tail -n 1); fi
    local pub_s pub_rate start received extra first last e2e_s=0 e2e_rate=0
    pub_s=$(field seconds "$result"); pub_rate=$(field msgs_per_s "$result"); start=$(field start_epoch "$result")
    received=$(field n "$sub_line"); extra=$(field extra "$sub_line")
    first=$(field first_epoch "$sub_line"); last=$(field last_epoch "$sub_line")
    if [ $status = ok ]; then
        read -r e2e_s e2e_rate < <(awk -v n="$N" -v s="$start" -v l="$last" 'BEGIN { d = l - s; printf "%.6f %.1f\n", d, (d > 0 ? n / d : 0) }')
    fi
    echo "$qos,$rep,$position,$name,$N,$SIZE,$status,${pub_s:-},${pub_rate:-},$e2e_s,$e2e_rate,${received:-0},${extra:-0},${rss:-0},${user:-0},${sys:-0},${start:-},${first:-},${last:-},$broker_cpu,$(field alloc_bytes_per_msg "$result")" >> "$CSV"
    printf '  qos=%s rep=%s %-12s %-22s publish %10s msg/s  end-to-end %10s msg/s  rss %6s KiB  cpu %s+%s s  broker cpu %s s\n' \
        "$qos" "$rep" "$name" "$status" "${pub_rate:--}" "$e2e_rate" "$rss" "$user" "$sys" "$broker_cpu" >&2
    if [ $status != ok ]; then
        echo "    client stderr ($client_err):" >&2
        tail -n 5 "$client_err" | sed 's/^/    /' >&2
    fi
}

main() {
    discover_clients
    select_clients
    [ ${#NAMES[@]} -gt 0 ] || { echo "no client can run: run tests/tools/throughput/setup.sh" >&2; exit 1; }
    [ -x "$BENCH_DIR/build/subscriber" ] || { echo "subscriber not built: run tests/tools/throughput/setup.sh" >&2; exit 1; }
    command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time missing: run tests/tools/throughput/setup.sh" >&2; exit 1; }

    WORK=$(mktemp -d "${TMPDIR:-/tmp}/edgesensor-bench.XXXXXX")
    mkdir -p "$OUT_DIR"
    CSV=$WORK/results.csv
    echo "$CSV_HEADER" > "$CSV"
    bench_start_broker "$WORK"
    echo "broker: mosquitto on 127.0.0.1:$BROKER_PORT; logs in $WORK" >&2
    echo "clients: ${NAMES[*]}; n=$N size=$SIZE reps=$REPS qos=$QOS_LIST" >&2

    local qos rep i count=${#NAMES[@]} qos_values=()
    IFS=, read -r -a qos_values <<< "$QOS_LIST"
    for qos in "${qos_values[@]}"; do
        for ((rep = 1; rep <= REPS; rep++)); do
            # Rotating the order each repetition keeps any client from always
            # running first (warm broker, quiet machine) or last.
            for ((i = 0; i < count; i++)); do
                run_once "$qos" "$rep" "$((i + 1))" "${NAMES[$(((i + rep - 1) % count))]}"
            done
        done
    done
    bench_stop_broker

    cp "$CSV" "$OUT_DIR/results.csv"
    /usr/bin/python3 "$BENCH_DIR/report.py" --csv "$OUT_DIR/results.csv" --markdown "$OUT_DIR/results.md" \
        --chart "$OUT_DIR/throughput.png"
    echo "wrote $OUT_DIR/results.md, results.csv, throughput.png (run logs: $WORK)" >&2
    if grep -q ',client_failed,\|,subscriber_incomplete,\|,bad_result,' "$CSV"; then
        echo "some runs failed: see the status column of results.csv" >&2
        exit 1
    fi
}

main
