# Private mosquitto for the benchmark scripts. Source it, then:
#   bench_start_broker WORK_DIR   # sets BROKER_PORT and BROKER_PID
#   bench_stop_broker
# The broker listens on 127.0.0.1 only, on a port the kernel reports free.

bench_free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

bench_start_broker() {
    local dir=$1
    local conf=$dir/mosquitto.conf log=$dir/mosquitto.log
    command -v mosquitto >/dev/null || { echo "mosquitto is not installed: run tests/tools/throughput/setup.sh" >&2; return 1; }
    BROKER_PORT=$(bench_free_port)
    # max_inflight_messages 20 is the same window every client uses at QoS 1;
    # the queue is large so a slow subscriber delays messages but never loses
    # them (mosquitto 2 also drops QoS 0 messages beyond this limit).
    cat > "$conf" <<CONF
listener $BROKER_PORT 127.0.0.1
allow_anonymous true
max_inflight_messages 20
max_queued_messages 10000000
max_queued_bytes 0
persistence false
log_dest file $log
log_type error warning notice
CONF
    # Started as root, mosquitto switches to the 'mosquitto' user, which could
    # not write a log file in a root-owned work directory.
    if [ "$(id -u)" = 0 ]; then echo "user root" >> "$conf"; fi
    mosquitto -c "$conf" 2>>"$log" &
    BROKER_PID=$!
    # The log file is buffered, so readiness is an accepted TCP connection.
    local waited=0
    until (: <>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; do
        if ! kill -0 "$BROKER_PID" 2>/dev/null || [ $waited -ge 100 ]; then
            echo "mosquitto did not start on port $BROKER_PORT; its log:" >&2
            cat "$log" >&2
            return 1
        fi
        sleep 0.05
        waited=$((waited + 1))
    done
}

bench_stop_broker() {
    if [ -n "${BROKER_PID:-}" ] && kill -0 "$BROKER_PID" 2>/dev/null; then
        kill "$BROKER_PID"
        wait "$BROKER_PID" 2>/dev/null || true
    fi
    BROKER_PID=
}
