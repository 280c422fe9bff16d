using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>
/// MQTT over TLS 1.2 (mbedTLS in the firmware). The broker's certificate must chain to the configured CA and
/// be valid now: the device needs the time from SNTP before the first handshake, which is why Wi-Fi is joined
/// with requiresDateTime when TLS is on.
/// </summary>
sealed class TlsSocketTransport : IMqttTransport
{
    readonly string host;
    readonly int port;
    readonly X509Certificate caCertificate;
    readonly object gate = new object();
    Socket socket;
    SslStream stream;

    /// <param name="caCertificatePem">PEM of the CA that signed the broker's certificate; null or empty uses the CA
    /// bundle stored on the device (Device Explorer, Network Configuration).</param>
    public TlsSocketTransport(string host, int port, string caCertificatePem)
    {
        this.host = host;
        this.port = port;
        caCertificate = string.IsNullOrEmpty(caCertificatePem) ? null : new X509Certificate(caCertificatePem);
    }

    public void Open(int timeoutMs)
    {
        Close();
        Socket opened = TcpConnector.Connect(host, port, timeoutMs);
        SslStream secured = new SslStream(opened);
        try
        {
            secured.SslVerification = SslVerification.CertificateRequired;

            // The three-argument overload takes a client certificate, not a CA: the CA goes third here.
            secured.AuthenticateAsClient(host, null, caCertificate, SslProtocols.Tls12);
        }
        catch (System.Exception)
        {
            secured.Close(); // also closes the socket
            throw;
        }

        Monitor.Enter(gate);
        try
        {
            socket = opened;
            stream = secured;
        }
        finally { Monitor.Exit(gate); }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        Socket currentSocket;
        SslStream currentStream;
        Monitor.Enter(gate);
        try
        {
            currentSocket = socket;
            currentStream = stream;
        }
        finally { Monitor.Exit(gate); }
        if (currentStream == null) return -1;

        // mbedTLS may hold decrypted bytes the socket no longer shows; only when it holds none is it worth
        // waiting on the socket. Once bytes arrive, SslStream.Read waits (up to the socket's ReceiveTimeout)
        // for the rest of their TLS record.
        if (!currentStream.DataAvailable && !currentSocket.Poll(TcpConnector.PollMicroseconds(timeoutMs), SelectMode.SelectRead))
        {
            return 0;
        }

        int read = currentStream.Read(buffer, offset, count);
        if (read > 0) return read;

        // Nothing for the application: either the peer closed (readable, nothing left) or the record carried
        // no application data (a TLS 1.3 session ticket, an alert the library handled).
        return currentSocket.Poll(0, SelectMode.SelectRead) && currentSocket.Available == 0 ? -1 : 0;
    }

    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        Socket currentSocket;
        SslStream current;
        Monitor.Enter(gate);
        try
        {
            currentSocket = socket;
            current = stream;
        }
        finally { Monitor.Exit(gate); }
        if (current == null) throw new IOException("not connected");

        // Wait for room at most timeoutMs. A TLS record cannot be left half written, so once started it is written
        // whole, within the socket's SendTimeout (the connect timeout) or the connection fails.
        if (!currentSocket.Poll(TcpConnector.PollMicroseconds(timeoutMs), SelectMode.SelectWrite)) return 0;
        current.Write(buffer, offset, count);
        return count;
    }

    public void Close()
    {
        SslStream closing;
        Monitor.Enter(gate);
        try
        {
            closing = stream;
            stream = null;
            socket = null;
        }
        finally { Monitor.Exit(gate); }

        // Disposing the SslStream ends the TLS session and closes its socket.
        if (closing != null) closing.Close();
    }
}
