using System;
using System.Net.Sockets;
using System.Threading;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// One client's connection through a <see cref="FaultProxy"/>: a socket to the client, one to the broker, and a
/// thread per direction copying between them under the faults the test switches on.
/// </summary>
sealed class ProxyConnection : IDisposable
{
    const int BufferSize = 16 * 1024;

    readonly Socket client;
    readonly Socket broker;
    readonly object gate = new object();
    bool silent;
    bool byteAtATime;
    int delayMs;
    bool closed;

    public ProxyConnection(Socket client, Socket broker, FaultSettings initial)
    {
        this.client = client;
        this.broker = broker;
        silent = initial.Silent;
        byteAtATime = initial.ByteAtATime;
        delayMs = initial.DelayMs;
    }

    public event Action<ProxyConnection> Closed;

    public bool IsClosed { get { lock (gate) { return closed; } } }

    public void Start()
    {
        new Thread(() => Copy(client, broker)) { IsBackground = true, Name = "proxy client->broker" }.Start();
        new Thread(() => Copy(broker, client)) { IsBackground = true, Name = "proxy broker->client" }.Start();
    }

    /// <summary>Closes both sides now, as a dropped link would (the client sees a reset or end of stream).</summary>
    public void Cut()
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            Monitor.PulseAll(gate);
        }

        // Linger 0 sends RST: the peer learns at once, without the orderly FIN exchange.
        client.LingerState = new LingerOption(true, 0);
        broker.LingerState = new LingerOption(true, 0);
        client.Dispose();
        broker.Dispose();
        Closed?.Invoke(this);
    }

    /// <summary>Half-open: both sockets stay open and nothing is read or forwarded in either direction.</summary>
    public void GoSilent() => Change(() => silent = true);

    public void Delay(int milliseconds) => Change(() => delayMs = milliseconds);

    public void ByteAtATime(bool on) => Change(() => byteAtATime = on);

    /// <summary>Back to plain forwarding; what waited in the sockets during silence flows again.</summary>
    public void Resume() => Change(() =>
    {
        silent = false;
        byteAtATime = false;
        delayMs = 0;
    });

    public void Dispose() => Cut();

    void Change(Action change)
    {
        lock (gate)
        {
            change();
            Monitor.PulseAll(gate);
        }
    }

    void Copy(Socket from, Socket to)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                // Silence is honoured before reading, so the peer's bytes stay unread in the kernel, as with a dead link.
                if (!WaitWhileSilent())
                {
                    return;
                }

                int read = from.Receive(buffer);
                if (read == 0)
                {
                    break;
                }

                if (!WaitWhileSilent())
                {
                    return;
                }

                int delay;
                bool single;
                lock (gate)
                {
                    delay = delayMs;
                    single = byteAtATime;
                }

                if (delay > 0)
                {
                    Thread.Sleep(delay); // the fault being simulated is latency
                }

                if (single)
                {
                    for (int i = 0; i < read; i++)
                    {
                        to.Send(buffer, i, 1, SocketFlags.None);
                    }
                }
                else
                {
                    int sent = 0;
                    while (sent < read)
                    {
                        sent += to.Send(buffer, sent, read - sent, SocketFlags.None);
                    }
                }
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        Cut(); // one side ended: end the other, as a real link would
    }

    /// <summary>False when the connection was cut while waiting.</summary>
    bool WaitWhileSilent()
    {
        lock (gate)
        {
            while (silent && !closed)
            {
                Monitor.Wait(gate);
            }

            return !closed;
        }
    }
}
