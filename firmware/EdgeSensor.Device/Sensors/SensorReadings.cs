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
    readonly bool[] failureReported;
    readonly int failureEventAfter;

    public SensorReadings(ISensor[] sensors, int failureEventAfter)
    {
        this.failureEventAfter = failureEventAfter < 1 ? 1 : failureEventAfter;
        Ok = new bool[sensors.Length];
        Values = new double[sensors.Length][];
        ConsecutiveErrors = new int[sensors.Length];
        failureReported = new bool[sensors.Length];
        for (int i = 0; i < sensors.Length; i++) Values[i] = new double[sensors[i].Quantities.Length];
    }

    /// <summary>Records one read; returns the event it calls for.</summary>
    public SensorEvent Record(int sensor, bool ok)
    {
        Ok[sensor] = ok;
        if (ok)
        {
            ConsecutiveErrors[sensor] = 0;
            if (!failureReported[sensor]) return SensorEvent.None;
            failureReported[sensor] = false;
            return SensorEvent.Recovered;
        }
        ConsecutiveErrors[sensor]++;
        if (failureReported[sensor] || ConsecutiveErrors[sensor] < failureEventAfter) return SensorEvent.None;
        failureReported[sensor] = true;
        return SensorEvent.Failed;
    }
}
