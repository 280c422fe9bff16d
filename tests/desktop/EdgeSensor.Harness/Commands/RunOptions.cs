using System;

namespace EdgeSensor.Harness.Commands;

/// <summary>`edgesensor run`'s options, as parsed; a null broker means "start a private mosquitto", a null sleep mains power.</summary>
sealed record RunOptions(string Broker, string CaFile, string UserName, string ConfigPath, int Devices, TimeSpan? Sleep = null);
