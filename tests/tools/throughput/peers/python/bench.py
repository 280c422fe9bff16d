#!/usr/bin/python3
"""Benchmark peer: Eclipse Paho Python 1.6 following the tests/tools/throughput contract.

    bench.py HOST PORT TOPIC N SIZE QOS

paho's own network thread (loop_start) writes and reads; the main thread
queues publishes and keeps at most a window of them incomplete.
"""
import os
import sys
import threading
import time

import paho.mqtt.client as mqtt

CLIENT_NAME = "paho-python"
QOS1_WINDOW = 20  # matches the broker's max_inflight_messages in compare.sh
QOS0_WINDOW = 1000  # bounds messages waiting for the socket, nothing more
DEADLINE_SECONDS = 300


class Publisher:
    def __init__(self):
        self.changed = threading.Condition()
        self.connack = None
        self.lost = False
        self.completed = 0

    def on_connect(self, client, userdata, flags, rc):
        with self.changed:
            self.connack = rc
            self.changed.notify_all()

    # QoS 0: called once written to the socket; QoS 1: when PUBACK arrives.
    def on_publish(self, client, userdata, mid):
        with self.changed:
            self.completed += 1
            self.changed.notify_all()

    def on_disconnect(self, client, userdata, rc):
        if rc != 0:
            with self.changed:
                self.lost = True
                self.changed.notify_all()

    def wait(self, predicate, deadline):
        with self.changed:
            ok = self.changed.wait_for(
                lambda: predicate() or self.lost, timeout=max(0.0, deadline - time.monotonic()))
            return ok and not self.lost


def parse_args(argv):
    if len(argv) != 7:
        sys.exit("usage: bench.py HOST PORT TOPIC N SIZE QOS")
    host, port, topic, n, size, qos = argv[1], int(argv[2]), argv[3], int(argv[4]), int(argv[5]), int(argv[6])
    if n <= 0 or size < 0 or qos not in (0, 1):
        sys.exit("bench.py: invalid arguments (N>0, SIZE>=0, QOS 0 or 1)")
    return host, port, topic, n, size, qos


def main():
    host, port, topic, n, size, qos = parse_args(sys.argv)
    window = QOS0_WINDOW if qos == 0 else QOS1_WINDOW
    deadline = time.monotonic() + DEADLINE_SECONDS
    state = Publisher()
    client = mqtt.Client(client_id="bench-%s-%d" % (CLIENT_NAME, os.getpid()),
                         clean_session=True, protocol=mqtt.MQTTv311)
    client.max_inflight_messages_set(QOS1_WINDOW)
    client.on_connect = state.on_connect
    client.on_publish = state.on_publish
    client.on_disconnect = state.on_disconnect
    client.connect(host, port, keepalive=60)
    client.loop_start()
    try:
        if not state.wait(lambda: state.connack is not None, deadline) or state.connack != 0:
            print("%s: not connected (%s)" % (CLIENT_NAME, state.connack), file=sys.stderr)
            return 1
        payload = b"x" * size
        start_epoch = time.time()
        start = time.monotonic()
        for sent in range(n):
            if sent - state.completed >= window and \
                    not state.wait(lambda: sent - state.completed < window, deadline):
                print("%s: %d of %d complete" % (CLIENT_NAME, state.completed, n), file=sys.stderr)
                return 1
            info = client.publish(topic, payload, qos=qos, retain=False)
            if info.rc != mqtt.MQTT_ERR_SUCCESS:
                print("%s: publish failed: %s" % (CLIENT_NAME, mqtt.error_string(info.rc)), file=sys.stderr)
                return 1
        if not state.wait(lambda: state.completed >= n, deadline):
            print("%s: %d of %d complete" % (CLIENT_NAME, state.completed, n), file=sys.stderr)
            return 1
        seconds = time.monotonic() - start
        print("RESULT client=%s qos=%d n=%d size=%d seconds=%.6f msgs_per_s=%.1f start_epoch=%.6f window=%d"
              % (CLIENT_NAME, qos, n, size, seconds, n / seconds, start_epoch, window), flush=True)
        client.disconnect()
        return 0
    finally:
        client.loop_stop()


if __name__ == "__main__":
    sys.exit(main())
