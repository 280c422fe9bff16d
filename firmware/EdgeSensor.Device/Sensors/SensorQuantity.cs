namespace EdgeSensor.Device.Sensors;

/// <summary>
/// A measured quantity: its key in telemetry JSON, the fixed number of decimals it is written with, and
/// how Home Assistant discovery describes it.
/// </summary>
public sealed class SensorQuantity
{
    public static readonly SensorQuantity TemperatureC = new SensorQuantity("temperature_c", 1, "\u00B0C", "temperature");
    public static readonly SensorQuantity HumidityPercent = new SensorQuantity("humidity_pct", 1, "%", "humidity");
    public static readonly SensorQuantity PressureHpa = new SensorQuantity("pressure_hpa", 1, "hPa", "pressure");

    /// <summary>What the DHTs and the SHT3x measure, in that order: one array for both drivers.</summary>
    public static readonly SensorQuantity[] TemperatureAndHumidity = new SensorQuantity[] { TemperatureC, HumidityPercent };

    public readonly string Key;
    public readonly int Decimals;
    public readonly string Unit;
    public readonly string DeviceClass;

    public SensorQuantity(string key, int decimals, string unit, string deviceClass)
    {
        Key = key;
        Decimals = decimals;
        Unit = unit;
        DeviceClass = deviceClass;
    }
}
