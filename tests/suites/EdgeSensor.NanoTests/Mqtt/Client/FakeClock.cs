using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoTests.Client;

/// <summary>The client's clock, moved by the test: keepalive and connect timeouts follow it, not real time.</summary>
public sealed class FakeClock : IMonotonicClock
{
    readonly object gate = new object(); // a long is read in two halves on a 32-bit device
    long now;

    public long NowMs { get { lock (gate) return now; } }

    public void Advance(long milliseconds)
    {
        lock (gate) now += milliseconds;
    }
}
