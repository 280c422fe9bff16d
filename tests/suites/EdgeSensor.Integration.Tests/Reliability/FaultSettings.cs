namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>The faults a new <see cref="ProxyConnection"/> starts with.</summary>
readonly record struct FaultSettings(bool Silent, int DelayMs, bool ByteAtATime);
