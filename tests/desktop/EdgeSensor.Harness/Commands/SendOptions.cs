using System;

namespace EdgeSensor.Harness.Commands;

/// <summary>`edgesensor send`'s arguments and options, as parsed.</summary>
sealed record SendOptions(string Device, string Actuator, string Value, string Broker, string CaFile, string UserName, string Prefix, TimeSpan Timeout);
