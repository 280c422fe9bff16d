using System;
using System.Collections.Generic;
using System.Linq;
using EdgeSensor.Harness.Observer;

namespace EdgeSensor.Harness.View;

/// <summary>
/// Every device seen under a prefix, updated from observed messages (on the MQTT thread) and read by a view (on
/// the console thread). Devices that went offline stay, marked, so a dropped board is noticed.
/// </summary>
sealed class DeviceBoard
{
    const int RecentEventsKept = 6;

    readonly object gate = new();
    readonly SortedDictionary<string, DeviceRecord> devices = new(StringComparer.Ordinal);
    readonly Queue<string> recentEvents = new();

    public DeviceBoard(string prefix)
    {
        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>The message's place in the contract, after recording it; null when it is not a device topic.</summary>
    public DeviceTopic Apply(ObservedMessage message)
    {
        DeviceTopic topic = DeviceTopic.Parse(Prefix, message.Topic);
        if (topic == null)
        {
            return null;
        }

        lock (gate)
        {
            if (!devices.TryGetValue(topic.DeviceId, out DeviceRecord device))
            {
                device = new DeviceRecord(topic.DeviceId);
                devices.Add(topic.DeviceId, device);
            }

            switch (topic.Kind)
            {
                case DeviceTopic.Status:
                    device.Status = message.Text;
                    break;
                case DeviceTopic.Telemetry:
                    device.Telemetry = message.Text;
                    device.TelemetryAt = message.ReceivedAt;
                    break;
                case DeviceTopic.State:
                    device.States[topic.Name] = message.Text;
                    break;
                case DeviceTopic.Settings when topic.Name == DeviceTopic.Desired:
                    device.DesiredSettings = message.Text;
                    device.DesiredSeen = true;
                    break;
                case DeviceTopic.Settings:
                    device.ReportedSettings = message.Text;
                    device.ReportedSeen = true;
                    break;
                case DeviceTopic.Event:
                    device.LastEvent = message.Text;
                    device.LastEventAt = message.ReceivedAt;
                    recentEvents.Enqueue(message.ReceivedAt.ToString("HH:mm:ss") + " " + topic.DeviceId + " " + message.Text);
                    if (recentEvents.Count > RecentEventsKept)
                    {
                        recentEvents.Dequeue();
                    }

                    break;
            }
        }

        return topic;
    }

    /// <summary>The device's settings by version, and whether the reported ones lag: see <see cref="SettingsText.Describe"/>.</summary>
    public string SettingsOf(string deviceId)
    {
        lock (gate)
        {
            return devices.TryGetValue(deviceId, out DeviceRecord device) ? device.Settings : SettingsText.Describe(null, false, null, false);
        }
    }

    /// <summary>Copies, safe to read while messages keep arriving.</summary>
    public IReadOnlyList<DeviceRecord> Snapshot()
    {
        lock (gate)
        {
            return devices.Values.Select(Copy).ToList();
        }
    }

    /// <summary>The last few events of any device, oldest first, with their time and device.</summary>
    public IReadOnlyList<string> RecentEvents()
    {
        lock (gate)
        {
            return recentEvents.ToList();
        }
    }

    static DeviceRecord Copy(DeviceRecord source)
    {
        var copy = new DeviceRecord(source.Id)
        {
            Status = source.Status,
            Telemetry = source.Telemetry,
            TelemetryAt = source.TelemetryAt,
            LastEvent = source.LastEvent,
            LastEventAt = source.LastEventAt,
            DesiredSettings = source.DesiredSettings,
            DesiredSeen = source.DesiredSeen,
            ReportedSettings = source.ReportedSettings,
            ReportedSeen = source.ReportedSeen,
        };
        foreach (KeyValuePair<string, string> state in source.States)
        {
            copy.States.Add(state.Key, state.Value);
        }

        return copy;
    }
}
