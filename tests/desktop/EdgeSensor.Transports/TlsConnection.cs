using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace EdgeSensor.Transports;

/// <summary>
/// One authenticated TLS stream and its reading state. Decrypted bytes may wait inside SslStream while the socket
/// is idle, so "is there input?" cannot be asked of the socket (Poll) as with plain TCP: a read is started once
/// and waited on for a while, and if the wait times out the same read is waited on again next time.
/// </summary>
sealed class TlsConnection : IDisposable
{
    const int RecordPlaintextMax = 16384;

    readonly SslStream stream;
    readonly Socket socket;
    readonly byte[] plaintext = new byte[RecordPlaintextMax];
    int start;
    int end;
    Task<int> pendingRead;

    public TlsConnection(SslStream stream, Socket socket)
    {
        this.stream = stream;
        this.socket = socket;
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (start == end)
        {
            pendingRead ??= stream.ReadAsync(plaintext, 0, plaintext.Length);
            if (!Wait(pendingRead, timeoutMs))
            {
                return 0;
            }

            int read = pendingRead.Result;
            pendingRead = null;
            if (read == 0)
            {
                return -1;
            }

            start = 0;
            end = read;
        }

        int n = Math.Min(count, end - start);
        Buffer.BlockCopy(plaintext, start, buffer, offset, n);
        start += n;
        return n;
    }

    /// <summary>Waits for room in the socket at most <paramref name="timeoutMs"/>; then the whole record goes (bounded by the socket's send timeout).</summary>
    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (!socket.Poll(SocketConnector.Microseconds(timeoutMs), SelectMode.SelectWrite))
        {
            return 0;
        }

        stream.Write(buffer, offset, count);
        return count;
    }

    public void Dispose()
    {
        // A FIN behind the last records first: closing with a read pending is abortive, and a reset makes the
        // broker drop what it had not read yet (the last PUBLISHes, the DISCONNECT).
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        stream.Dispose(); // owns the NetworkStream, which owns the socket; a pending read fails and is abandoned
    }

    static bool Wait(Task<int> read, int timeoutMs)
    {
        try
        {
            return read.Wait(timeoutMs);
        }
        catch (AggregateException e) when (e.InnerException is IOException || e.InnerException is ObjectDisposedException || e.InnerException is SocketException)
        {
            throw new IOException("TLS read failed: " + e.InnerException.Message, e.InnerException);
        }
    }
}
