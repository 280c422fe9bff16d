namespace EdgeSensor.Desktop.Devices;

/// <summary>
/// One wake of a simulated battery board: its number (1 is the cold boot), when it began and was ready to sleep
/// (monotonic ms; ReadyAt -1 when never), whether the awake limit ended it, and the sleep the device asked for.
/// </summary>
public readonly record struct WakeReport(int Number, long WokeAt, long ReadyAt, bool TimedOut, long SleepMs)
{
    public long AwakeMs => ReadyAt < 0 ? -1 : ReadyAt - WokeAt;
}
