namespace EdgeSensor.Device.Config;

/// <summary>Used by the ESP32 only.</summary>
public sealed class WifiConfig
{
    public string Ssid;

    /// <summary>A secret: never logged, echoed or published.</summary>
    public string Password;
}
