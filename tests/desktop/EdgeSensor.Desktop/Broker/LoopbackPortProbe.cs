using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace EdgeSensor.Desktop.Broker;

/// <summary>One connection attempt, to tell whether something listens on a loopback port yet.</summary>
static class LoopbackPortProbe
{
    static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    public static bool AcceptsConnections(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            Task connecting = socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return connecting.Wait(AttemptTimeout);
        }
        catch (AggregateException e) when (e.InnerException is SocketException)
        {
            return false;
        }
    }
}
