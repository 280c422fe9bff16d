using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>The contract the client relies on, against a plain loopback peer: 0 on timeout, -1 on close, all bytes written.</summary>
public sealed class TcpTransportTests : IDisposable
{
    const int DeadlineMs = 30000;

    readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
    readonly TcpTransport transport;
    Socket peer;

    public TcpTransportTests()
    {
        listener.Start();
        transport = new TcpTransport("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    public void Dispose()
    {
        transport.Close();
        peer?.Dispose();
        listener.Stop();
    }

    [Fact]
    public void Read_returns_what_arrived()
    {
        Open();
        peer.Send(new byte[] { 1, 2, 3 });
        byte[] buffer = new byte[10];

        int read = transport.Read(buffer, 4, 6, DeadlineMs);

        Assert.InRange(read, 1, 3);
        Assert.Equal(1, buffer[4]);
    }

    [Fact]
    public void Read_returns_0_when_nothing_arrives_within_the_timeout()
    {
        Open();

        Assert.Equal(0, transport.Read(new byte[10], 0, 10, 50));
    }

    [Fact]
    public void Read_returns_minus_1_when_the_peer_closes()
    {
        Open();
        peer.Shutdown(SocketShutdown.Both);

        Assert.Equal(-1, transport.Read(new byte[10], 0, 10, DeadlineMs));
    }

    [Fact]
    public async Task Write_sends_every_byte_of_a_buffer_larger_than_the_socket_buffers()
    {
        Open();
        byte[] data = new byte[4 * 1024 * 1024]; // larger than the socket buffers, so Send cannot take it at once
        new Random(7).NextBytes(data);
        Task<byte[]> reading = Task.Run(() => ReadExactly(peer, data.Length));

        Assert.Equal(data.Length, transport.Write(data, 0, data.Length, DeadlineMs));

        Assert.Equal(data, await reading.WaitAsync(TimeSpan.FromMilliseconds(DeadlineMs)));
    }

    [Fact]
    public async Task Close_from_another_thread_ends_a_waiting_read_promptly()
    {
        Open();
        var elapsed = Stopwatch.StartNew();
        using var aboutToRead = new ManualResetEventSlim();
        Task<int> reading = Task.Run(() =>
        {
            try
            {
                aboutToRead.Set();
                return transport.Read(new byte[10], 0, 10, DeadlineMs);
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
            catch (SocketException)
            {
                return -1;
            }
        });

        Assert.True(aboutToRead.Wait(DeadlineMs));
        transport.Close(); // mostly lands while the read waits in Poll; if it lands just before, the read must see it too

        Assert.True(await reading.WaitAsync(TimeSpan.FromMilliseconds(DeadlineMs)) <= 0);
        Assert.True(elapsed.ElapsedMilliseconds < DeadlineMs / 2, "the read waited for its timeout instead of ending at Close");
    }

    [Fact]
    public void Open_fails_when_nothing_listens()
    {
        // Bound but not listening: connections are refused, and no one else can take the port meanwhile.
        using var bound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)bound.LocalEndPoint).Port;

        var error = Assert.Throws<SocketException>(() => new TcpTransport("127.0.0.1", port).Open(DeadlineMs));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public void Write_after_Close_throws_so_that_the_client_ends_the_connection()
    {
        Open();
        transport.Close();

        Assert.Throws<ObjectDisposedException>(() => transport.Write(new byte[1], 0, 1, 10));
        Assert.Equal(-1, transport.Read(new byte[1], 0, 1, 10));
    }

    void Open()
    {
        transport.Open(DeadlineMs);
        peer = listener.AcceptSocket();
    }

    static byte[] ReadExactly(Socket socket, int length)
    {
        byte[] received = new byte[length];
        int at = 0;
        while (at < length)
        {
            int n = socket.Receive(received, at, Math.Min(4096, length - at), SocketFlags.None);
            if (n == 0)
            {
                break;
            }

            at += n;
        }

        return received;
    }
}
