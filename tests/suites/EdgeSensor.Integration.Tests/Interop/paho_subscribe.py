#!/usr/bin/env python3
"""Subscribes with paho-mqtt (an MQTT client independent of EdgeSensor) and prints one JSON object per line:
{"event": "subscribed", "granted": [...]}, then {"event": "message", ...} per message (payload in base64),
then {"event": "done"} after COUNT messages. Failures print {"event": "error", "error": ...} and exit non-zero.

usage: paho_subscribe.py HOST PORT TOPIC QOS COUNT
"""
import base64
import json
import os
import sys
import threading

GIVE_UP_SECONDS = 120  # never outlive a test that died without killing us


def emit(**fields):
    print(json.dumps(fields), flush=True)


try:
    import paho.mqtt.client as mqtt
except ImportError as error:
    emit(event="error", error="paho-mqtt is not installed (apt-get install python3-paho-mqtt): " + str(error))
    sys.exit(3)


def main():
    host, port, topic, qos, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    threading.Timer(GIVE_UP_SECONDS, lambda: os._exit(4)).start()
    client = mqtt.Client(clean_session=True, protocol=mqtt.MQTTv311)
    received = []

    def on_connect(c, userdata, flags, rc):
        if rc != 0:
            emit(event="error", error="CONNACK return code " + str(rc))
            os._exit(5)
        c.subscribe(topic, qos)

    def on_subscribe(c, userdata, mid, granted):
        emit(event="subscribed", granted=list(granted))

    def on_message(c, userdata, message):
        emit(event="message", topic=message.topic, payload=base64.b64encode(message.payload).decode("ascii"),
             qos=message.qos, retain=bool(message.retain))
        received.append(message)
        if len(received) >= count:
            c.disconnect()

    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    client.connect(host, port, keepalive=30)
    client.loop_forever()
    emit(event="done")
    os._exit(0)


main()
