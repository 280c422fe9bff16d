using System.Net.NetworkInformation;
using EdgeSensor.Esp32.Adapters;

namespace EdgeSensor.Esp32;

/// <summary>What the Wi-Fi MAC gives the device: its default id and the seed that spreads a fleet's reconnects.</summary>
static class DeviceIdentity
{
    /// <summary>The station MAC (6 bytes), or null on a board without Wi-Fi. Reading it does not start the radio.</summary>
    public static byte[] StationMac()
    {
        NetworkInterface station = WifiConnection.StationInterface();
        return station == null ? null : station.PhysicalAddress;
    }

    /// <summary>"esp32-" and the MAC's last three bytes in lowercase hex, as the topic contract names unconfigured devices.</summary>
    public static string IdFromMac(byte[] mac)
    {
        if (mac == null || mac.Length < 3) return "esp32-000000";
        int last = mac.Length - 1;
        return "esp32-" + mac[last - 2].ToString("x2") + mac[last - 1].ToString("x2") + mac[last].ToString("x2");
    }

    public static int JitterSeed(byte[] mac)
    {
        if (mac == null || mac.Length < 3) return 1;
        int last = mac.Length - 1;
        return (mac[last - 2] << 16) | (mac[last - 1] << 8) | mac[last];
    }
}
