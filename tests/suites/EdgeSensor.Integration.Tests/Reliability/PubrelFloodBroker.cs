using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// A hand-written broker that stops reading while it keeps sending: it accepts one client on a free 127.0.0.1 port,
/// answers its CONNECT with CONNACK (accepted, no session), then never reads again and sends PUBRELs without end. The
/// client owes a PUBCOMP for each [MQTT-4.3.3-1], so its answers fill the socket buffers and its writes find no room:
/// the link is stuck, not silent. <see cref="Stuck"/> is set once the client has taken no PUBREL for
/// <see cref="StuckAfterMs"/>: it has stopped reading, its own output stuck.
/// </summary>
sealed class PubrelFloodBroker : IDisposable
{
    /// <summary>Loopback buffers fill in microseconds once nobody reads; this long without room is no passing hiccup.</summary>
    public const int StuckAfterMs = 500;

    const int ReceiveBuffer = 4096; // small, so the client's PUBCOMPs fill it soon

    readonly Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    readonly Thread thread;
    volatile bool disposed;
    Socket client;

    public PubrelFloodBroker()
    {
        // Set before listening, so accepted sockets inherit it and advertise a small window from the start.
        listener.ReceiveBufferSize = ReceiveBuffer;
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        Port = ((IPEndPoint)listener.LocalEndPoint).Port;
        thread = new Thread(Run) { IsBackground = true, Name = "pubrel flood broker" };
        thread.Start();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Set when CONNACK is sent and the flood begins.</summary>
    public ManualResetEventSlim Flooding { get; } = new ManualResetEventSlim();

    /// <summary>Set when the client has taken no PUBREL for <see cref="StuckAfterMs"/>.</summary>
    public ManualResetEventSlim Stuck { get; } = new ManualResetEventSlim();

    /// <summary>PUBRELs the client took (into its socket buffer at least).</summary>
    public long PubrelsSent => Interlocked.Read(ref pubrelsSent);

    /// <summary>
    /// When the client last took PUBRELs, on <see cref="Clock"/>. It reads until its output is stuck, so its own last
    /// write came before this: a bound measured from here is, if anything, tighter than one from that write.
    /// </summary>
    public long LastTakenAtMs => Interlocked.Read(ref lastTakenAtMs);

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    long pubrelsSent;
    long lastTakenAtMs;

    public void Dispose()
    {
        disposed = true;
        listener.Dispose();
        Volatile.Read(ref client)?.Dispose();
        thread.Join(5000);
    }

    void Run()
    {
        try
        {
            Socket accepted = listener.Accept();
            Volatile.Write(ref client, accepted);
            ReadConnect(accepted);
            accepted.Send(new byte[] { 0x20, 0x02, 0x00, 0x00 });
            Flood(accepted);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client closed the link (what the test waits for), or the test is over.
        }
    }

    /// <summary>Reads exactly one packet (the CONNECT) and nothing after it.</summary>
    static void ReadConnect(Socket socket)
    {
        var one = new byte[1];
        Receive(socket, one);
        int remaining = 0;
        for (int shift = 0; ; shift += 7)
        {
            Receive(socket, one);
            remaining |= (one[0] & 0x7F) << shift;
            if ((one[0] & 0x80) == 0)
            {
                break;
            }
        }

        Receive(socket, new byte[remaining]);
    }

    static void Receive(Socket socket, byte[] into)
    {
        for (int at = 0; at < into.Length;)
        {
            int n = socket.Receive(into, at, into.Length - at, SocketFlags.None);
            if (n == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            at += n;
        }
    }

    /// <summary>PUBREL (0x62, remaining length 2, packet id) for ids 1..65535 over and over, 1,024 to a write.</summary>
    void Flood(Socket socket)
    {
        var batch = new byte[4 * 1024];
        int id = 0;
        for (int at = 0; at < batch.Length; at += 4)
        {
            id = id % 65535 + 1;
            batch[at] = 0x62;
            batch[at + 1] = 0x02;
            batch[at + 2] = (byte)(id >> 8);
            batch[at + 3] = (byte)id;
        }

        socket.Blocking = false;
        Flooding.Set();
        int offset = 0;
        while (!disposed)
        {
            int sent = socket.Send(batch, offset, batch.Length - offset, SocketFlags.None, out SocketError error);
            if (error == SocketError.WouldBlock)
            {
                // Wait for room without spinning; the client closing the link (or the test ending) stops the flood.
                if (!socket.Poll(StuckAfterMs * 1000, SelectMode.SelectWrite))
                {
                    Stuck.Set();
                }

                continue;
            }

            if (error != SocketError.Success)
            {
                return; // the client closed the link
            }

            Interlocked.Add(ref pubrelsSent, sent / 4);
            Interlocked.Exchange(ref lastTakenAtMs, Clock.ElapsedMilliseconds);
            offset = (offset + sent) % batch.Length;
        }
    }
}
