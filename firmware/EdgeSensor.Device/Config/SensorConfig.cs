namespace EdgeSensor.Device.Config;

public sealed class SensorConfig
{
    public SensorKind Kind;

    /// <summary>Its key in telemetry, [a-z0-9_-]{1,32}.</summary>
    public string Name;

    /// <summary>DHT: the two GPIOs wired to the data line (Iot.Device.Dhtxx.Esp32 drives it with RMT).</summary>
    public int PinEcho = -1;
    public int PinTrigger = -1;

    /// <summary>I2C sensors: the bus (see DeviceConfig.I2cBuses) and the 7-bit address.</summary>
    public int I2cBus = 1;
    public int Address;
}
