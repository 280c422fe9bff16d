using System;
using System.Collections.Generic;

namespace EdgeSensor.Harness.View;

/// <summary>
/// A board that goes overdue publishes nothing (asleep, it cannot fire its will), so a view that prints a line per
/// message would never say so: this tells which sleeping devices have gone past their due time, once per promise
/// (an <c>asleep T</c> status). The time is a parameter, so tests need no clock.
/// </summary>
sealed class OverdueAlarm
{
    readonly object gate = new();

    // Device id -> the asleep status already said to be overdue.
    readonly Dictionary<string, string> told = new(StringComparer.Ordinal);

    /// <summary>A status line is saying <paramref name="reading"/> of the device: if it says overdue, the alarm need not.</summary>
    public void Shown(string deviceId, StatusReading reading)
    {
        if (reading.Liveness == Liveness.Overdue)
        {
            lock (gate)
            {
                told[deviceId] = reading.Status;
            }
        }
    }

    /// <summary>One line (<c>&lt;id&gt; OVERDUE: ...</c>) per device that is overdue at <paramref name="now"/> and was not said to be.</summary>
    public IReadOnlyList<string> Check(IReadOnlyList<DeviceRecord> devices, DateTimeOffset now)
    {
        var lines = new List<string>();
        lock (gate)
        {
            foreach (DeviceRecord device in devices)
            {
                StatusReading reading = StatusReading.Of(device.Status, now);
                if (reading.Liveness == Liveness.Overdue && !(told.TryGetValue(device.Id, out string said) && said == reading.Status))
                {
                    told[device.Id] = reading.Status;
                    lines.Add(device.Id + " " + reading.Describe());
                }
            }
        }

        return lines;
    }
}
