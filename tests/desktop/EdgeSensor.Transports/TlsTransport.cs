using System;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Transports;

/// <summary>
/// MQTT over TLS: the broker's certificate must chain to the given CA and name <c>serverName</c>; an optional
/// client certificate authenticates the device. A refused handshake throws an <see cref="AuthenticationException"/>
/// that says what was wrong (untrusted CA, wrong host name). As with <see cref="TcpTransport"/>, each call works on
/// the connection it finds, since <see cref="Close"/> may come from another thread.
/// </summary>
public sealed class TlsTransport : IMqttTransport
{
    readonly string host;
    readonly int port;
    readonly string serverName;
    readonly X509Certificate2 authority;
    readonly X509Certificate2 clientCertificate;
    TlsConnection connection;

    /// <param name="host">Where to connect.</param>
    /// <param name="serverName">The name the server certificate must carry (and the SNI sent); usually the host.</param>
    /// <param name="authority">The only CA trusted for the server certificate.</param>
    /// <param name="clientCertificate">With its private key; null for no client authentication.</param>
    public TlsTransport(string host, int port, string serverName, X509Certificate2 authority, X509Certificate2 clientCertificate)
    {
        this.host = host;
        this.port = port;
        this.serverName = serverName;
        this.authority = authority ?? throw new ArgumentNullException(nameof(authority));
        this.clientCertificate = clientCertificate;
    }

    /// <summary>
    /// How long a TLS record, once started, may take to write before the connection is declared broken: a record cannot
    /// be left half written. Before starting one, a write waits for room only as long as its caller allows.
    /// </summary>
    public int WriteTimeoutMs { get; set; } = 30000;

    public void Open(int timeoutMs)
    {
        Close();
        long deadline = Environment.TickCount64 + timeoutMs;
        Socket socket = SocketConnector.ConnectNonBlocking(host, port, timeoutMs);
        socket.Blocking = true; // NetworkStream requires it
        socket.SendTimeout = WriteTimeoutMs;
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            Authenticate(stream, (int)Math.Max(1, deadline - Environment.TickCount64));
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        Interlocked.Exchange(ref connection, new TlsConnection(stream, socket))?.Dispose();
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        TlsConnection current = Volatile.Read(ref connection);
        return current == null ? -1 : current.Read(buffer, offset, count, timeoutMs);
    }

    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        TlsConnection current = Volatile.Read(ref connection) ?? throw new ObjectDisposedException(nameof(TlsTransport), "The transport is closed.");
        return current.Write(buffer, offset, count, timeoutMs);
    }

    public void Close()
    {
        Interlocked.Exchange(ref connection, null)?.Dispose();
    }

    void Authenticate(SslStream stream, int timeoutMs)
    {
        var validator = new ServerCertificateValidator(authority, serverName);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            RemoteCertificateValidationCallback = validator.Validate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (clientCertificate != null)
        {
            options.ClientCertificates = new X509CertificateCollection { clientCertificate };
        }

        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            stream.AuthenticateAsClientAsync(options, timeout.Token).GetAwaiter().GetResult();
        }
        catch (AuthenticationException e) when (validator.Failure != null)
        {
            throw new AuthenticationException("TLS connection to " + host + ":" + port + " refused: " + validator.Failure, e);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException("TLS handshake with " + host + ":" + port + " did not complete within " + timeoutMs + " ms.", e);
        }
    }
}
