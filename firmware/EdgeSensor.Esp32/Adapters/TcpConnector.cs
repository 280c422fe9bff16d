using System;
using System.Net;
using System.Net.Sockets;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>Opens the TCP connection both transports start from.</summary>
static class TcpConnector
{
    /// <summary>
    /// Resolves and connects. Socket.Connect has no timeout on nanoFramework: a host that does not answer
    /// blocks until lwIP gives up on the SYN. <paramref name="timeoutMs"/> bounds each send and receive after that.
    /// </summary>
    public static Socket Connect(string host, int port, int timeoutMs)
    {
        IPAddress address = Resolve(host);
        Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SendTimeout = timeoutMs;
            socket.ReceiveTimeout = timeoutMs;
            socket.Connect(new IPEndPoint(address, port));
            return socket;
        }
        catch (Exception)
        {
            socket.Close();
            throw;
        }
    }

    /// <summary>Socket.Poll takes microseconds in an int: clamp so a long wait does not overflow into a negative (infinite) one.</summary>
    public static int PollMicroseconds(int timeoutMs)
    {
        if (timeoutMs <= 0) return 0;
        return timeoutMs >= int.MaxValue / 1000 ? int.MaxValue : timeoutMs * 1000;
    }

    static IPAddress Resolve(string host)
    {
        return IsDottedQuad(host) ? IPAddress.Parse(host) : Dns.GetHostEntry(host).AddressList[0];
    }

    static bool IsDottedQuad(string host)
    {
        for (int i = 0; i < host.Length; i++)
        {
            char c = host[i];
            if (c != '.' && (c < '0' || c > '9')) return false;
        }

        return host.Length > 0;
    }
}
