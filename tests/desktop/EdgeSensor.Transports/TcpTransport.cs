using System;
using System.Net.Sockets;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Transports;

/// <summary>
/// Plain TCP to a broker. Every call works on the socket it finds when it starts, because <see cref="Close"/>
/// may run on another thread at any time (Stop, or a test dropping the link); a closed socket then fails the
/// call, which the client takes as the end of the connection.
/// </summary>
/// <remarks>
/// The socket stays non-blocking and every wait is a Poll. On Unix, .NET runs "blocking" Send/Receive through its
/// asynchronous machinery, which now and then allocates an operation object; non-blocking calls that follow a
/// successful Poll go straight to the system, so steady-state Read and Write allocate nothing.
/// </remarks>
public sealed class TcpTransport : IMqttTransport
{
    readonly string host;
    readonly int port;
    Socket socket;

    public TcpTransport(string host, int port)
    {
        this.host = host;
        this.port = port;
    }

    public void Open(int timeoutMs)
    {
        Close();
        Socket connected = SocketConnector.ConnectNonBlocking(host, port, timeoutMs);
        Interlocked.Exchange(ref socket, connected)?.Dispose();
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        Socket current = Volatile.Read(ref socket);
        if (current == null)
        {
            return -1;
        }

        if (!current.Poll(SocketConnector.Microseconds(timeoutMs), SelectMode.SelectRead))
        {
            return 0;
        }

        int read = current.Receive(buffer, offset, count, SocketFlags.None, out SocketError error);
        if (error == SocketError.WouldBlock)
        {
            return 0; // the readiness Poll saw is gone; the caller simply reads again
        }

        if (error != SocketError.Success)
        {
            throw new SocketException((int)error);
        }

        return read == 0 ? -1 : read;
    }

    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        Socket current = Volatile.Read(ref socket) ?? throw new ObjectDisposedException(nameof(TcpTransport), "The transport is closed.");
        long deadline = Environment.TickCount64 + timeoutMs;
        int written = 0;
        while (written < count)
        {
            int sent = current.Send(buffer, offset + written, count - written, SocketFlags.None, out SocketError error);
            if (error == SocketError.WouldBlock)
            {
                // The broker is not taking bytes: wait for room until the deadline, then report what went out.
                long left = deadline - Environment.TickCount64;
                if (left <= 0 || !current.Poll(SocketConnector.Microseconds((int)left), SelectMode.SelectWrite))
                {
                    return written;
                }

                continue;
            }

            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            written += sent;
        }

        return written;
    }

    /// <summary>Closes the socket without any MQTT goodbye: to the broker this is a dropped connection.</summary>
    public void Close()
    {
        Socket closing = Interlocked.Exchange(ref socket, null);
        if (closing == null)
        {
            return;
        }

        // Disposing alone can reset the connection (an abortive close), and the broker then throws away what
        // it had not read yet: the last PUBLISHes and the DISCONNECT. A FIN queued behind them keeps them.
        try
        {
            closing.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // already broken: nothing left to deliver
        }
        catch (ObjectDisposedException)
        {
        }

        closing.Dispose();
    }
}
