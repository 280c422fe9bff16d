using System.Net;
using System.Net.Sockets;

namespace EdgeSensor.Desktop.Broker;

/// <summary>Asks the OS for an unused loopback port. Another process may take it before mosquitto binds it;
/// <see cref="PrivateBroker"/> retries with a new port when that happens.</summary>
static class FreeLoopbackPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
