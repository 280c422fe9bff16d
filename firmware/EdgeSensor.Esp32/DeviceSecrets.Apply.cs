using EdgeSensor.Device.Config;

namespace EdgeSensor.Esp32;

/// <summary>
/// Wi-Fi and broker credentials stay out of git and out of the configuration document. They live in
/// DeviceSecrets.cs, a file each developer makes from DeviceSecrets.cs.template in this folder: git ignores it,
/// and the .nfproj compiles it only when it exists. Without it the device joins the Wi-Fi network already stored
/// on the board (if any) and connects to the broker without a user name.
/// </summary>
static partial class DeviceSecrets
{
    /// <summary>Puts the local credentials into <paramref name="config"/>; false when there is no DeviceSecrets.cs.</summary>
    public static bool ApplyTo(DeviceConfig config)
    {
        string wifiSsid = null;
        string wifiPassword = null;
        string brokerUserName = null;
        string brokerPassword = null;
        Provide(ref wifiSsid, ref wifiPassword, ref brokerUserName, ref brokerPassword);
        if (wifiSsid == null && wifiPassword == null && brokerUserName == null && brokerPassword == null) return false;

        config.Wifi.Ssid = wifiSsid;
        config.Wifi.Password = wifiPassword;
        config.Broker.UserName = brokerUserName;
        config.Broker.Password = brokerPassword;
        return true;
    }

    // Implemented in DeviceSecrets.cs. A partial method without an implementation is removed by the compiler,
    // call included, so the project builds with or without the local file.
    static partial void Provide(ref string wifiSsid, ref string wifiPassword, ref string brokerUserName, ref string brokerPassword);
}
