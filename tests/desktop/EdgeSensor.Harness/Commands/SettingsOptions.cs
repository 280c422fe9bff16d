using System;

namespace EdgeSensor.Harness.Commands;

/// <summary>`edgesensor settings`'s arguments and options, as parsed.</summary>
sealed record SettingsOptions(string Device, string[] Set, string File, string Broker, string CaFile, string UserName, string Prefix, TimeSpan Timeout);
