namespace EdgeSensor.Device.Power;

/// <summary>
/// One wake of a battery board (config <c>power.mode</c> "battery"), sans I/O: the host passes the time and what the
/// device and its MQTT client report, and is told what to do next. A wake ends when the device has reported and its
/// messages are acknowledged, or at the awake limit whatever the network does; the next wake is one report interval
/// after this one began, so the awake time does not stretch the period.
/// </summary>
public sealed class WakeCycle
{
    /// <summary>The shortest sleep: a wake that outlasted its interval still sleeps, rather than staying on the radio.</summary>
    public const long MinSleepMs = 1000;

    readonly long intervalMs;
    readonly long limitMs;
    long wokeAt;
    long readyAt = -1;
    bool timedOut;
    bool ended;

    public WakeCycle(int intervalSeconds, int awakeLimitSeconds)
    {
        intervalMs = intervalSeconds * 1000L;
        limitMs = awakeLimitSeconds * 1000L;
    }

    /// <summary>When the wake began (monotonic ms).</summary>
    public long WokeAt => wokeAt;

    /// <summary>When the wake was first ready to end (monotonic ms), or -1: the figure of merit is how soon after the network came up.</summary>
    public long ReadyAt => readyAt;

    /// <summary>True when the awake limit ended the wake: what was not acknowledged by then is lost with the RAM.</summary>
    public bool TimedOut => timedOut;

    /// <summary>The wake starts: at boot, before the network.</summary>
    public void Begin(long nowMs)
    {
        wokeAt = nowMs;
        readyAt = -1;
        timedOut = false;
        ended = false;
    }

    /// <summary>The host ends the wake now, as the awake limit would (it is being switched off): no reconnect follows.</summary>
    public void End()
    {
        ended = true;
    }

    /// <summary>
    /// <see cref="WakeStep.Disconnect"/> once the device has done its wake's work and the broker acknowledged every
    /// message (<paramref name="outboxEmpty"/>), or when the awake limit has passed; <see cref="WakeStep.Work"/> until then.
    /// </summary>
    public WakeStep Next(long nowMs, bool deviceReady, bool outboxEmpty)
    {
        if (!(deviceReady && outboxEmpty) && nowMs - wokeAt < limitMs && !ended) return WakeStep.Work;
        if (!deviceReady || !outboxEmpty) timedOut = true;
        if (readyAt < 0) readyAt = nowMs;
        return WakeStep.Disconnect;
    }

    /// <summary>
    /// After the DISCONNECT: commands that arrived before it were acknowledged, so they are the board's to apply and
    /// report, now (<see cref="WakeStep.Reconnect"/>) unless the awake limit has passed; otherwise sleep.
    /// </summary>
    public WakeStep AfterDisconnect(long nowMs, bool commandsWaiting)
        => commandsWaiting && !timedOut && !ended && nowMs - wokeAt < limitMs ? WakeStep.Reconnect : WakeStep.Sleep;

    /// <summary>How long the host may wait for work before the awake limit.</summary>
    public long MsUntilLimit(long nowMs)
    {
        long left = wokeAt + limitMs - nowMs;
        return left > 0 ? left : 0;
    }

    /// <summary>Until the next wake: one interval after this one began, and at least <see cref="MinSleepMs"/>.</summary>
    public long SleepMs(long nowMs)
    {
        long left = wokeAt + intervalMs - nowMs;
        return left > MinSleepMs ? left : MinSleepMs;
    }
}
