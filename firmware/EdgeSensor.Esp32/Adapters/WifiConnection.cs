using System.Device.Wifi;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>
/// Joins the Wi-Fi network once at boot, retrying with backoff until it works. After that the ESP32 reconnects
/// by itself (WifiReconnectionKind.Automatic); while the link is down the MQTT client's connection attempts
/// fail and back off, and the first one after the link returns succeeds. Nothing here logs the password.
/// </summary>
static class WifiConnection
{
    const int AttemptTimeoutMs = 60000;
    const int FirstRetryDelayMs = 5000;
    const int MaxRetryDelayMs = 300000;

    /// <param name="ssid">Null or empty joins the network stored on the device (from an earlier run or Device Explorer).</param>
    /// <param name="requiresDateTime">Also wait for SNTP to set the clock: TLS certificate checks need the date.</param>
    public static void ConnectWithRetry(string ssid, string password, bool requiresDateTime)
    {
        int delayMs = FirstRetryDelayMs;
        while (!TryConnect(ssid, password, requiresDateTime, AttemptTimeoutMs))
        {
            Debug.WriteLine("Wi-Fi: " + Describe(WifiNetworkHelper.Status) + "; retrying in " + (delayMs / 1000).ToString() + " s");
            Thread.Sleep(delayMs);
            delayMs = delayMs >= MaxRetryDelayMs / 2 ? MaxRetryDelayMs : delayMs * 2;
        }

        Debug.WriteLine("Wi-Fi: connected, IP " + CurrentIpAddress());
    }

    /// <summary>One attempt bounded by <paramref name="timeoutMs"/>: a battery board gives up and sleeps rather than drain its cell.</summary>
    public static bool ConnectWithin(string ssid, string password, bool requiresDateTime, int timeoutMs)
    {
        bool connected = TryConnect(ssid, password, requiresDateTime, timeoutMs);
        Debug.WriteLine(connected ? "Wi-Fi: connected, IP " + CurrentIpAddress() : "Wi-Fi: " + Describe(WifiNetworkHelper.Status));
        return connected;
    }

    /// <summary>The station interface's IPv4 address, or "" before it has one.</summary>
    public static string CurrentIpAddress()
    {
        NetworkInterface station = StationInterface();
        return station == null ? "" : station.IPv4Address;
    }

    /// <summary>The Wi-Fi station interface (its MAC names the device), or null on a board without one.</summary>
    public static NetworkInterface StationInterface()
    {
        NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
        for (int i = 0; i < interfaces.Length; i++)
        {
            if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211) return interfaces[i];
        }

        return null;
    }

    static bool TryConnect(string ssid, string password, bool requiresDateTime, int timeoutMs)
    {
        CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            if (string.IsNullOrEmpty(ssid))
            {
                return WifiNetworkHelper.Reconnect(requiresDateTime, 0, timeout.Token);
            }

            return WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, requiresDateTime, 0, timeout.Token);
        }
        finally
        {
            timeout.Dispose();
        }
    }

    static string Describe(NetworkHelperStatus status)
    {
        switch (status)
        {
            case NetworkHelperStatus.TokenExpiredWaitingIPAddress: return "no IP address in time (access point out of reach, or wrong SSID/password?)";
            case NetworkHelperStatus.TokenExpiredWaitingDateTime: return "connected, but SNTP has not set the clock yet";
            case NetworkHelperStatus.FailedNoNetworkInterface: return "no network interface configured on the device";
            case NetworkHelperStatus.ExceptionOccurred:
                return WifiNetworkHelper.HelperException == null ? "failed" : "failed: " + WifiNetworkHelper.HelperException.Message;
            default: return "not connected (status " + ((int)status).ToString() + ")";
        }
    }
}
