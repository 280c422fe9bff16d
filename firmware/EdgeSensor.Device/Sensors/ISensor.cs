namespace EdgeSensor.Device.Sensors;

/// <summary>
/// A sensor read in two steps, so that one waiting for its conversion (an SHT3x needs 15 ms) never blocks
/// the loop: <see cref="Start"/> begins a measurement and says how long to wait, <see cref="Collect"/>
/// finishes it. A failed read is false, never an exception and never a stale value.
/// </summary>
public interface ISensor
{
    string Name { get; }

    /// <summary>What <see cref="Collect"/> writes, in order.</summary>
    SensorQuantity[] Quantities { get; }

    /// <summary>Begins a measurement; milliseconds until <see cref="Collect"/> may be called, or -1 when it could not start.</summary>
    int Start(long nowMs);

    /// <summary>Writes one value per quantity at <paramref name="offset"/>; false when the read failed.</summary>
    bool Collect(double[] values, int offset);
}
