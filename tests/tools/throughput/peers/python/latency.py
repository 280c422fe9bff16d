#!/usr/bin/python3
"""Round-trip latency peer: paho-mqtt 1.6 publishes to a topic it subscribes
to itself, one message outstanding at a time.

    latency.py HOST PORT TOPIC N SIZE QOS

Prints LATENCY client=paho-python qos=<q> n=<n> p50_us=<> p99_us=<> max_us=<>
Same rules as peers/libmosquitto/latency.c: the payload starts with a
sequence number, the next message goes only after the previous one came back
(and, at QoS 1, was acknowledged), and the first WARMUP round trips are not
recorded.
"""
import math
import os
import struct
import sys
import threading
import time

import paho.mqtt.client as mqtt

CLIENT_NAME = "paho-python"
WARMUP = 100
TIMEOUT_SECONDS = 10


def percentile(sorted_samples, fraction):
    rank = max(1, math.ceil(fraction * len(sorted_samples)))
    return sorted_samples[rank - 1]


def main():
    if len(sys.argv) != 7:
        sys.exit("usage: latency.py HOST PORT TOPIC N SIZE QOS")
    host, port, topic = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    n, size, qos = int(sys.argv[4]), max(8, int(sys.argv[5])), int(sys.argv[6])

    subscribed = threading.Event()
    returned = threading.Event()
    acknowledged = threading.Event()
    probe = {"sequence": 0, "returned_at": 0.0}

    def on_connect(client, userdata, flags, rc):
        if rc == 0:
            client.subscribe(topic, qos)

    def on_subscribe(client, userdata, mid, granted):
        if list(granted) == [qos]:
            subscribed.set()

    def on_message(client, userdata, message):
        if len(message.payload) >= 8 and struct.unpack_from("<Q", message.payload)[0] == probe["sequence"]:
            probe["returned_at"] = time.monotonic()
            returned.set()

    def on_publish(client, userdata, mid):
        acknowledged.set()

    client = mqtt.Client(client_id="latency-%s-%d" % (CLIENT_NAME, os.getpid()),
                         clean_session=True, protocol=mqtt.MQTTv311)
    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    client.on_publish = on_publish
    client.connect(host, port, keepalive=60)
    client.loop_start()
    try:
        if not subscribed.wait(TIMEOUT_SECONDS):
            print("%s: not subscribed" % CLIENT_NAME, file=sys.stderr)
            return 1
        samples = []
        padding = b"x" * (size - 8)
        for i in range(WARMUP + n):
            probe["sequence"] = i + 1
            returned.clear()
            acknowledged.clear()
            sent_at = time.monotonic()
            client.publish(topic, struct.pack("<Q", i + 1) + padding, qos=qos)
            if not returned.wait(TIMEOUT_SECONDS) or not acknowledged.wait(TIMEOUT_SECONDS):
                print("%s: round trip %d timed out" % (CLIENT_NAME, i), file=sys.stderr)
                return 1
            if i >= WARMUP:
                samples.append((probe["returned_at"] - sent_at) * 1e6)
        samples.sort()
        print("LATENCY client=%s qos=%d n=%d p50_us=%.1f p99_us=%.1f max_us=%.1f warmup=%d size=%d" % (
            CLIENT_NAME, qos, n, percentile(samples, 0.50), percentile(samples, 0.99), samples[-1], WARMUP, size),
            flush=True)
        client.disconnect()
        return 0
    finally:
        client.loop_stop()


if __name__ == "__main__":
    sys.exit(main())
