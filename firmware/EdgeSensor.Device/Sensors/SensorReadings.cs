namespace EdgeSensor.Device.Sensors;

/// <summary>
/// The last sampling round of every sensor, and each one's run of consecutive failures, with the decision
/// of when a failure (and a recovery after it) is worth an event: once, after the configured count.
/// </summary>
sealed class SensorReadings
{
    public readonly bool[] Ok;
    public readonly double[][] Values;
    public readonly int[] ConsecutiveErrors;
    readonly int failureEventAfter;

    public SensorReadings(ISensor[] sensors, int failureEventAfter)
    {
        this.failureEventAfter = failureEventAfter < 1 ? 1 : failureEventAfter;
        Ok = new bool[sensors.Length];
        Values = new double[sensors.Length][];
        ConsecutiveErrors = new int[sensors.Length];
        for (int i = 0; i < sensors.Length; i++) Values[i] = new double[sensors[i].Quantities.Length];
    }

    /// <summary>Records one read; returns the event it calls for.</summary>
    public SensorEvent Record(int sensor, bool ok)
    {
        // The failure was reported when the run reached the configured count, so a run that long has had its event.
        bool failureReported = ConsecutiveErrors[sensor] >= failureEventAfter;
        Ok[sensor] = ok;
        ConsecutiveErrors[sensor] = ok ? 0 : ConsecutiveErrors[sensor] + 1;
        if (ok) return failureReported ? SensorEvent.Recovered : SensorEvent.None;
        return ConsecutiveErrors[sensor] == failureEventAfter ? SensorEvent.Failed : SensorEvent.None;
    }
}
