using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Documents;
using EdgeSensor.Device.Settings;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>
/// Desired settings (docs/device-topics.md), on the loop's thread: a document read and checked completely is applied
/// whole when its version is newer than the one applied, and the device then reports what it runs with; anything else
/// changes nothing and says why in an event. No setting is stored on the device: the broker's retained document is
/// the only copy, so a board boots with its compiled-in configuration and takes its settings again at each connect.
/// </summary>
public sealed partial class EdgeDevice
{
    /// <summary>The version of the settings document the device runs with; 0 for its compiled-in configuration.</summary>
    public int SettingsVersion => config.SettingsVersion;

    void ApplySettings()
    {
        int taken = settings.Take(compiledIn);
        if (taken == SettingsInbox.Nothing) return;
        DeviceConfig next = taken == SettingsInbox.Read ? settings.Settings : compiledIn;
        json.Reset(document, 0);
        if (taken == SettingsInbox.Refused) DeviceEvents.SettingsRefused(json, settings.Refusal);
        else if (next != compiledIn && next.SettingsVersion <= config.SettingsVersion) DeviceEvents.SettingsIgnored(json, next.SettingsVersion, config.SettingsVersion);
        else
        {
            // A removed document while the compiled-in configuration runs changes nothing.
            if (next != config) Configure(next);
            settings.Keep();
            return;
        }
        Publish(topics.Event, false, MqttQos.AtLeastOnce);
    }

    /// <summary>Runs with <paramref name="next"/>: the schedule moves with the intervals, the documents go out again.</summary>
    void Configure(DeviceConfig next)
    {
        long sampleMs = samplePeriodMs;
        long reportMs = reportPeriodMs;
        config = next;
        bool onChange = false;
        for (int i = 0; i < sensors.Length; i++)
        {
            SensorConfig sensor = Find(next.Sensors, sensors[i].Name);
            if (sensor == null) sensor = Find(compiledIn.Sensors, sensors[i].Name);
            sensorOn[i] = sensor == null || sensor.Enabled;
            sensorChange[i] = sensor == null ? 0 : sensor.Change;
            onChange |= sensorOn[i] && sensorChange[i] > 0;
        }
        for (int i = 0; i < actuators.Length; i++)
        {
            ActuatorConfig was = actuators[i].Config;
            ActuatorConfig now = compiledActuators[i];
            for (int a = 0; a < next.Actuators.Length; a++)
            {
                if (next.Actuators[a].Name == now.Name) now = next.Actuators[a];
            }
            actuators[i].Config = now;
            if (commanded[i] || (now.SafeOn == was.SafeOn && now.SafePercent == was.SafePercent)) continue;
            actuators[i].ApplySafeState();
            stateDirty[i] = true;
        }

        // Reading sooner than the interval only pays when some sensor publishes on change.
        reportPeriodMs = next.TelemetryIntervalSeconds * 1000L;
        int min = next.TelemetryMinIntervalSeconds;
        samplePeriodMs = onChange && min > 0 && min < next.TelemetryIntervalSeconds ? min * 1000L : reportPeriodMs;
        nextSampleAt += samplePeriodMs - sampleMs;
        nextReportAt += reportPeriodMs - reportMs;
        documentNext = 0;
    }

    static SensorConfig Find(SensorConfig[] list, string name)
    {
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i].Name == name) return list[i];
        }
        return null;
    }
}
