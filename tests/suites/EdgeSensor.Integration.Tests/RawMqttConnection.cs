using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeSensor.Integration.Tests;

/// <summary>A socket to the broker that sends and reads raw bytes, every wait bounded by one generous deadline.</summary>
sealed class RawMqttConnection : IDisposable
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    readonly TcpClient client;
    readonly Stream stream;
    readonly CancellationTokenSource timeout;

    RawMqttConnection(TcpClient client, Stream stream, CancellationTokenSource timeout)
    {
        this.client = client;
        this.stream = stream;
        this.timeout = timeout;
    }

    public static async Task<RawMqttConnection> OpenAsync(string host, int port)
    {
        var timeout = new CancellationTokenSource(Deadline);
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return new RawMqttConnection(client, client.GetStream(), timeout);
        }
        catch
        {
            client.Dispose();
            timeout.Dispose();
            throw;
        }
    }

    /// <summary>Opens a TLS connection; the handshake failing (e.g. a required client certificate missing) throws.</summary>
    public static async Task<RawMqttConnection> OpenTlsAsync(string host, int port, SslClientAuthenticationOptions tls)
    {
        var timeout = new CancellationTokenSource(Deadline);
        var client = new TcpClient();
        SslStream stream = null;
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            stream = new SslStream(client.GetStream());
            await stream.AuthenticateAsClientAsync(tls, timeout.Token);
            return new RawMqttConnection(client, stream, timeout);
        }
        catch
        {
            stream?.Dispose();
            client.Dispose();
            timeout.Dispose();
            throw;
        }
    }

    public async Task SendAsync(byte[] packet)
    {
        await stream.WriteAsync(packet, timeout.Token);
    }

    public async Task<byte[]> ReadAsync(int count)
    {
        var bytes = new byte[count];
        await stream.ReadExactlyAsync(bytes, timeout.Token);
        return bytes;
    }

    /// <summary>True when the broker closed the connection (end of stream or reset) before the deadline.</summary>
    public async Task<bool> IsClosedByPeerAsync()
    {
        var buffer = new byte[1];
        try
        {
            return await stream.ReadAsync(buffer, timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        client.Dispose();
        timeout.Dispose();
    }
}
