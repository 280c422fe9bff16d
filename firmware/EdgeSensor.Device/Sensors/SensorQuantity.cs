namespace EdgeSensor.Device
{
    /// <summary>A measured quantity: its key in telemetry JSON and the fixed number of decimals it is written with.</summary>
    public sealed class SensorQuantity
    {
        public static readonly SensorQuantity TemperatureC = new SensorQuantity("temperature_c", 1);
        public static readonly SensorQuantity HumidityPercent = new SensorQuantity("humidity_pct", 1);
        public static readonly SensorQuantity PressureHpa = new SensorQuantity("pressure_hpa", 1);

        public readonly string Key;
        public readonly int Decimals;

        public SensorQuantity(string key, int decimals)
        {
            Key = key;
            Decimals = decimals;
        }
    }
}
