using EdgeSensor.Device.Documents;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>
/// Sampling on schedule, in two steps so that a sensor's conversion time never holds up the loop, and the telemetry it
/// yields: every interval, and sooner when a sensor with a change threshold moved that much.
/// </summary>
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
                int ms = sensorOn[i] ? sensors[i].Start(now) : -1;
                started[i] = ms >= 0;
                if (ms > wait) wait = ms;
            }
            collectAt = now + wait;
            sampling = true;
            roundAt = now;
            nextSampleAt += samplePeriodMs;
            if (nextSampleAt <= now) nextSampleAt = now + samplePeriodMs; // fell behind (the host slept): skip, don't burst
        }
        if (sampling && now >= collectAt)
        {
            sampling = false;
            bool moved = false;
            for (int i = 0; i < sensors.Length; i++)
            {
                if (!sensorOn[i]) continue;
                bool ok = started[i] && sensors[i].Collect(readings.Values[i], 0);
                moved |= Moved(i, ok);
                SensorEvent happened = readings.Record(i, ok);
                if (happened == SensorEvent.None) continue;
                DeviceEvents.Event(EventWriter(), happened == SensorEvent.Failed ? "sensor_failed" : "sensor_recovered", "sensor", sensors[i].Name, "errors", readings.ConsecutiveErrors[i]);
                PublishEvent();
            }
            if (moved || roundAt >= nextReportAt)
            {
                nextReportAt += reportPeriodMs;
                if (moved || nextReportAt <= roundAt) nextReportAt = roundAt + reportPeriodMs;
                PublishTelemetry(now);
            }
        }
        long due = (sampling ? collectAt : nextSampleAt) - now;
        return due > 0 ? due : 0;
    }

    /// <summary>
    /// Whether sensor <paramref name="i"/>, with a change threshold, reads differently enough from its last telemetry: a
    /// quantity moved by the threshold (in tenths, as telemetry shows it), or the read failed or recovered since.
    /// </summary>
    bool Moved(int i, bool ok)
    {
        if (sensorChange[i] == 0) return false;
        if (ok != reportedOk[i]) return true;
        double[] values = readings.Values[i];
        for (int q = 0; ok && q < values.Length; q++)
        {
            long change = Tenths(values[q]) - Tenths(reportedValues[i][q]);
            if (change >= sensorChange[i] || -change >= sensorChange[i]) return true;
        }
        return false;
    }

    static long Tenths(double value) => (long)((value * 10) + (value >= 0 ? 0.5 : -0.5));

    void PublishTelemetry(long now)
    {
        sequence++;
        json.Reset(document, 0);
        TelemetryDocument.Write(json, sequence, (now - bootAt) / 1000, sensors, sensorOn, readings);
        for (int i = 0; i < sensors.Length; i++)
        {
            reportedOk[i] = readings.Ok[i];
            System.Array.Copy(readings.Values[i], reportedValues[i], reportedValues[i].Length);
        }
        MqttQos qos = config.TelemetryQos == 0 ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce;
        if (link != null && Publish(topics.Telemetry, false, qos) == MqttPublishResult.Accepted) telemetryPublished++;
    }
}
