namespace EdgeSensor.Device.Power;

/// <summary>What the host of a battery board does next in a wake (<see cref="WakeCycle"/>).</summary>
public enum WakeStep
{
    /// <summary>Tick the device, then wait for its work, at most until the awake limit.</summary>
    Work,

    /// <summary>End the connection with DISCONNECT (the broker drops the will), then ask <see cref="WakeCycle.AfterDisconnect"/>.</summary>
    Disconnect,

    /// <summary>Commands arrived (and were acknowledged) while disconnecting: connect again to apply them and report their states.</summary>
    Reconnect,

    /// <summary>Deep sleep for <see cref="WakeCycle.SleepMs"/>.</summary>
    Sleep,
}
