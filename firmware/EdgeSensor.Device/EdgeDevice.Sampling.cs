using EdgeSensor.Device.Documents;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>Sampling on schedule, in two steps so that a sensor's conversion time never holds up the loop, and the telemetry it yields.</summary>
public sealed partial class EdgeDevice
{
    /// <summary>Starts a sampling round when one is due, collects it when the sensors are ready; returns ms until the next step.</summary>
    long Sample(long now)
    {
        if (!sampling && now >= nextSampleAt)
        {
            long wait = 0;
            for (int i = 0; i < sensors.Length; i++)
            {
                int ms = sensors[i].Start(now);
                started[i] = ms >= 0;
                if (ms > wait) wait = ms;
            }
            collectAt = now + wait;
            sampling = true;
            long interval = config.TelemetryIntervalSeconds * 1000L;
            nextSampleAt += interval;
            if (nextSampleAt <= now) nextSampleAt = now + interval; // fell behind (the host slept): skip, don't burst
        }
        if (sampling && now >= collectAt)
        {
            sampling = false;
            for (int i = 0; i < sensors.Length; i++)
            {
                bool ok = started[i] && sensors[i].Collect(readings.Values[i], 0);
                SensorEvent happened = readings.Record(i, ok);
                if (happened == SensorEvent.None) continue;
                DeviceEvents.Event(EventWriter(), happened == SensorEvent.Failed ? "sensor_failed" : "sensor_recovered", "sensor", sensors[i].Name, "errors", readings.ConsecutiveErrors[i]);
                PublishEvent();
            }
            PublishTelemetry(now);
        }
        long due = (sampling ? collectAt : nextSampleAt) - now;
        return due > 0 ? due : 0;
    }

    void PublishTelemetry(long now)
    {
        sequence++;
        json.Reset(document, 0);
        TelemetryDocument.Write(json, sequence, (now - bootAt) / 1000, sensors, readings);
        MqttQos qos = config.TelemetryQos == 0 ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce;
        if (link != null && Publish(topics.Telemetry, false, qos) == MqttPublishResult.Accepted) telemetryPublished++;
    }
}
