using System;
using System.Net;
using System.Net.Sockets;

namespace EdgeSensor.Transports;

/// <summary>
/// Opens a TCP connection within a deadline: the connect is started non-blocking and awaited with Poll, since a
/// blocking connect has no timeout. The socket is returned still non-blocking.
/// </summary>
static class SocketConnector
{
    public static Socket ConnectNonBlocking(string host, int port, int timeoutMs)
    {
        IPAddress address = Resolve(host);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true; // MQTT packets are small and latency matters more than segment count
            socket.Blocking = false;
            try
            {
                socket.Connect(new IPEndPoint(address, port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock || e.SocketErrorCode == SocketError.InProgress)
            {
                AwaitConnect(socket, host, port, timeoutMs);
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static void AwaitConnect(Socket socket, string host, int port, int timeoutMs)
    {
        if (!socket.Poll(Microseconds(timeoutMs), SelectMode.SelectWrite) && !socket.Poll(0, SelectMode.SelectError))
        {
            throw new TimeoutException("TCP connect to " + host + ":" + port + " did not complete within " + timeoutMs + " ms.");
        }

        var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error);
        if (error != SocketError.Success)
        {
            throw new SocketException((int)error);
        }
    }

    static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress address))
        {
            return address;
        }

        IPAddress[] addresses = Dns.GetHostAddresses(host);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        return Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
    }

    /// <summary>Socket.Poll takes microseconds in an int: long waits are capped rather than overflowing.</summary>
    internal static int Microseconds(int milliseconds)
    {
        return milliseconds >= int.MaxValue / 1000 ? int.MaxValue : milliseconds * 1000;
    }
}
