namespace EdgeSensor.Mqtt.Driver;

/// <summary>
/// Delays between connection attempts: exponential, capped, with "full jitter" so that a fleet that lost
/// its broker does not come back in lockstep; reset once a connection has stayed up long enough to count as stable.
/// </summary>
public sealed class ReconnectBackoff
{
    readonly int initialMs;
    readonly int maxMs;
    readonly int stableMs;
    uint jitterState; // xorshift32: one word of state, where System.Random keeps a table of 56
    int attempts;
    long connectedAt = -1;

    public ReconnectBackoff(int initialMs, int maxMs, int stableMs, int seed)
    {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.stableMs = stableMs;
        jitterState = seed == 0 ? 0x9E3779B9u : (uint)seed; // xorshift never leaves 0
    }

    public int Attempts => attempts;

    public void Connected(long now) => connectedAt = now;

    /// <summary>The connection (or the attempt) ended at <paramref name="now"/>: how long to wait before the next attempt.</summary>
    public int NextDelayMs(long now)
    {
        if (connectedAt >= 0 && now - connectedAt >= stableMs) attempts = 0;
        connectedAt = -1;
        long ceiling = initialMs;
        for (int i = 0; i < attempts && ceiling < maxMs; i++) ceiling *= 2;
        if (ceiling > maxMs) ceiling = maxMs;
        attempts++;
        // Half fixed, half random: never a tight loop, never synchronised.
        int half = (int)(ceiling / 2);
        return half + (int)(NextJitter() % (uint)(half + 1));
    }

    uint NextJitter()
    {
        uint x = jitterState;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        jitterState = x;
        return x;
    }
}
