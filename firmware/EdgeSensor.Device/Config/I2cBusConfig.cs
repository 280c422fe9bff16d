namespace EdgeSensor.Device.Config;

/// <summary>Which pins an I2C bus uses on the ESP32 (set with Configuration.SetPinFunction).</summary>
public sealed class I2cBusConfig
{
    public int Bus = 1;
    public int SdaPin = 21;
    public int SclPin = 22;
}
