using EdgeSensor.Mqtt;

namespace EdgeSensor.Transports;

/// <summary>The desktop's monotonic clock: milliseconds since boot, unaffected by changes to the wall clock.</summary>
public sealed class SystemClock : IMonotonicClock
{
    public long NowMs => System.Environment.TickCount64;
}
