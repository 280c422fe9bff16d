#!/usr/bin/env python3
"""Publishes one message with paho-mqtt (an MQTT client independent of EdgeSensor), waits until its QoS flow is
complete, and prints {"event": "published"}. Failures print {"event": "error", "error": ...} and exit non-zero.

usage: paho_publish.py HOST PORT TOPIC QOS RETAIN(0|1) PAYLOAD_BASE64
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
    host, port, topic, qos = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    retain, payload = sys.argv[5] == "1", base64.b64decode(sys.argv[6])
    threading.Timer(GIVE_UP_SECONDS, lambda: os._exit(4)).start()
    client = mqtt.Client(clean_session=True, protocol=mqtt.MQTTv311)
    client.connect(host, port, keepalive=30)
    client.loop_start()
    info = client.publish(topic, payload, qos=qos, retain=retain)
    info.wait_for_publish()
    if info.rc != mqtt.MQTT_ERR_SUCCESS:
        emit(event="error", error="publish failed with " + mqtt.error_string(info.rc))
        os._exit(5)
    emit(event="published", mid=info.mid)
    client.disconnect()
    client.loop_stop()
    os._exit(0)


main()
