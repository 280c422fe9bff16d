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

    /// <summary>Read and reported; a sensor turned off is neither read nor in telemetry.</summary>
    public bool Enabled = true;

    /// <summary>In tenths of its quantities' units: a reading that moved this much since the last telemetry publishes early; 0 never does.</summary>
    public int Change;

    public SensorConfig Copy() => (SensorConfig)MemberwiseClone();
}
