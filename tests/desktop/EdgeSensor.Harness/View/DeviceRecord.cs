using System;
using System.Collections.Generic;

namespace EdgeSensor.Harness.View;

/// <summary>The latest of everything one device has published, as seen from the broker.</summary>
sealed class DeviceRecord
{
    public DeviceRecord(string id)
    {
        Id = id;
    }

    public string Id { get; }

    /// <summary><c>online</c>, <c>offline</c>, or null before any status arrived.</summary>
    public string Status { get; set; }

    public string Telemetry { get; set; }

    public DateTimeOffset? TelemetryAt { get; set; }

    public SortedDictionary<string, string> States { get; } = new(StringComparer.Ordinal);

    public string LastEvent { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>The retained desired settings document (empty once removed) and the reported one; see <see cref="SettingsText"/>.</summary>
    public string DesiredSettings { get; set; }

    public bool DesiredSeen { get; set; }

    public string ReportedSettings { get; set; }

    public bool ReportedSeen { get; set; }

    public string Settings => SettingsText.Describe(DesiredSettings, DesiredSeen, ReportedSettings, ReportedSeen);
}
