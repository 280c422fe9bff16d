using System;
using System.Net;
using System.Net.Sockets;
using EdgeSensor.Mqtt.Driver;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// One device's TCP connection, never blocking its shard thread: the connect completes when the socket turns
/// writable, reads and writes move what the kernel has room for and report "would block" as zero, which is what
/// <see cref="SessionDriver"/>'s steps take: a session's bytes go through <see cref="ReadInto"/> and <see cref="WriteFrom"/>.
/// </summary>
sealed class NonBlockingConnection : IDisposable
{
    NonBlockingConnection(Socket socket, bool connecting)
    {
        Socket = socket;
        IsConnecting = connecting;
    }

    public Socket Socket { get; }

    /// <summary>The TCP handshake is under way: wait for the socket to be writable, then <see cref="FinishConnect"/>.</summary>
    public bool IsConnecting { get; private set; }

    /// <summary>The last write could not take everything: wait for the socket to be writable.</summary>
    public bool WriteBlocked { get; private set; }

    /// <summary>Our side is shut down after DISCONNECT: only the broker's close is awaited.</summary>
    public bool IsShutDown { get; private set; }

    public static NonBlockingConnection Begin(IPEndPoint broker)
    {
        var socket = new Socket(broker.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true; // small MQTT packets; latency matters more than segment count
            socket.Blocking = false;
            try
            {
                socket.Connect(broker);
                return new NonBlockingConnection(socket, connecting: false);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock || e.SocketErrorCode == SocketError.InProgress)
            {
                return new NonBlockingConnection(socket, connecting: true);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>After the socket turned writable (or reported an error): whether the handshake succeeded.</summary>
    public bool FinishConnect()
    {
        IsConnecting = false;
        var error = (SocketError)(int)Socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error);
        return error == SocketError.Success;
    }

    /// <summary>Reads what the kernel holds into the session, until it would block, input stalls or the connection ends.</summary>
    public void ReadInto(SessionDriver driver, long now)
    {
        while (true)
        {
            int space = driver.ReceiveSpace(out byte[] buffer, out int offset, now);
            // Received packets wait for room to answer: write, and read on only if that helped.
            if (space < 0 && WriteFrom(driver, now)) space = driver.ReceiveSpace(out buffer, out offset, now);
            if (space <= 0) return;
            int read = Read(buffer, offset, space);
            driver.Received(read, now);
            if (read <= 0) return;
        }
    }

    /// <summary>Writes the session's output until the kernel takes no more; false when the connection failed.</summary>
    public bool WriteFrom(SessionDriver driver, long now)
    {
        while (true)
        {
            int count = driver.Output(out byte[] buffer, out int offset);
            if (count == 0) return true;
            int sent = Write(buffer, offset, count);
            driver.Written(sent, now);
            if (sent < count) return sent >= 0;
        }
    }

    /// <summary>Bytes read; 0 when nothing is waiting; -1 when the peer closed or the connection failed.</summary>
    public int Read(byte[] buffer, int offset, int count)
    {
        int read = Socket.Receive(buffer, offset, count, SocketFlags.None, out SocketError error);
        if (error == SocketError.WouldBlock) return 0;
        if (error != SocketError.Success || read == 0) return -1;
        return read;
    }

    /// <summary>Bytes the kernel took (possibly 0); -1 when the connection failed.</summary>
    public int Write(byte[] buffer, int offset, int count)
    {
        int sent = Socket.Send(buffer, offset, count, SocketFlags.None, out SocketError error);
        if (error == SocketError.WouldBlock)
        {
            WriteBlocked = true;
            return 0;
        }

        if (error != SocketError.Success) return -1;
        WriteBlocked = sent < count;
        return sent;
    }

    /// <summary>
    /// Sends FIN after everything written. Closing outright while the broker's last acknowledgements sit unread
    /// would make the kernel reset the connection, and a reset may discard our DISCONNECT before it is delivered.
    /// </summary>
    public void ShutDown()
    {
        IsShutDown = true;
        try
        {
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already broken: the close that follows is all that is left to do.
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
    }
}
