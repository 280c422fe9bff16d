using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>
/// Milliseconds since boot. DateTime.UtcNow would jump when SNTP sets the clock after Wi-Fi connects; the tick
/// count never goes backwards, which is what keepalive and reconnect timing need.
/// </summary>
sealed class TickClock : IMonotonicClock
{
    public long NowMs { get { return Environment.TickCount64; } }
}
