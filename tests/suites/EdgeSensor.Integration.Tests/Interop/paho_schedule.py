#!/usr/bin/env python3
"""Publishes a schedule of messages with paho-mqtt (an MQTT client independent of EdgeSensor) on one connection:
each after its delay, at QoS 1, waiting for its PUBACK before the next; prints {"event": "published", "index": i}
for each and {"event": "done"} at the end. Failures print {"event": "error", "error": ...} and exit non-zero.

usage: paho_schedule.py HOST PORT SCHEDULE_JSON   (a list of [delay_ms, topic, payload_text])
"""
import json
import os
import sys
import threading
import time

GIVE_UP_SECONDS = 300  # never outlive a test that died without killing us


def emit(**fields):
    print(json.dumps(fields), flush=True)


try:
    import paho.mqtt.client as mqtt
except ImportError as error:
    emit(event="error", error="paho-mqtt is not installed (apt-get install python3-paho-mqtt): " + str(error))
    sys.exit(3)


def main():
    host, port, schedule = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
    threading.Timer(GIVE_UP_SECONDS, lambda: os._exit(4)).start()
    client = mqtt.Client(clean_session=True, protocol=mqtt.MQTTv311)
    client.connect(host, port, keepalive=30)
    client.loop_start()
    for index, (delay_ms, topic, payload) in enumerate(schedule):
        time.sleep(delay_ms / 1000.0)
        info = client.publish(topic, payload.encode("utf-8"), qos=1)
        info.wait_for_publish()
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            emit(event="error", error="publish failed with " + mqtt.error_string(info.rc))
            os._exit(5)
        emit(event="published", index=index)
    emit(event="done")
    client.disconnect()
    client.loop_stop()
    os._exit(0)


main()
