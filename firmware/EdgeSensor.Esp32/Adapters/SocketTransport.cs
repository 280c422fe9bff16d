using System.IO;
using System.Net.Sockets;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>
/// MQTT over plain TCP. Open, Read and Write run on the client's I/O thread (writes also on publishing
/// threads, one at a time); Close may come from another thread (Stop), hence the lock around the socket field.
/// </summary>
sealed class SocketTransport : IMqttTransport
{
    readonly string host;
    readonly int port;
    readonly object gate = new object();
    Socket socket;

    public SocketTransport(string host, int port)
    {
        this.host = host;
        this.port = port;
    }

    public void Open(int timeoutMs)
    {
        Close();
        Socket opened = TcpConnector.Connect(host, port, timeoutMs);
        Monitor.Enter(gate);
        try { socket = opened; }
        finally { Monitor.Exit(gate); }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        Socket current = Current();
        if (current == null) return -1;
        if (!current.Poll(TcpConnector.PollMicroseconds(timeoutMs), SelectMode.SelectRead)) return 0;

        // Readable with nothing to read is the peer's FIN.
        int read = current.Receive(buffer, offset, count, SocketFlags.None);
        return read > 0 ? read : -1;
    }

    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        Socket current = Current();
        if (current == null) throw new IOException("not connected");

        // A broker that stops reading must not hold the writer: wait for room at most timeoutMs, then send what
        // lwIP takes (a send that finds the room gone is bounded by the socket's SendTimeout, the connect timeout).
        if (!current.Poll(TcpConnector.PollMicroseconds(timeoutMs), SelectMode.SelectWrite)) return 0;
        int sent = current.Send(buffer, offset, count, SocketFlags.None);
        if (sent <= 0) throw new IOException("connection closed while sending");
        return sent;
    }

    public void Close()
    {
        Socket closing;
        Monitor.Enter(gate);
        try
        {
            closing = socket;
            socket = null;
        }
        finally { Monitor.Exit(gate); }
        if (closing != null) closing.Close();
    }

    Socket Current()
    {
        Monitor.Enter(gate);
        try { return socket; }
        finally { Monitor.Exit(gate); }
    }
}
