using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// A TCP proxy on a free 127.0.0.1 port in front of a broker, to break links the way networks do: cut them,
/// let them go silent (half-open), slow them down or fragment them. Controls act on the connections open now;
/// <see cref="ForNewConnections"/> sets what later connections start with.
/// </summary>
sealed class FaultProxy : IDisposable
{
    readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
    readonly int brokerPort;
    readonly object gate = new object();
    readonly List<ProxyConnection> open = new List<ProxyConnection>();
    FaultSettings newConnections;
    int accepted;
    bool disposed;

    public FaultProxy(int brokerPort)
    {
        this.brokerPort = brokerPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        new Thread(AcceptLoop) { IsBackground = true, Name = "proxy accept " + Port }.Start();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted { get { lock (gate) { return accepted; } } }

    public List<ProxyConnection> Connections { get { lock (gate) { return open.ToList(); } } }

    public FaultSettings ForNewConnections { get { lock (gate) { return newConnections; } } set { lock (gate) { newConnections = value; } } }

    /// <summary>Cuts every open connection; returns how many there were.</summary>
    public int Cut()
    {
        List<ProxyConnection> now = Connections;
        now.ForEach(c => c.Cut());
        return now.Count;
    }

    public void GoSilent() => Connections.ForEach(c => c.GoSilent());

    public void Delay(int milliseconds) => Connections.ForEach(c => c.Delay(milliseconds));

    public void ByteAtATime(bool on) => Connections.ForEach(c => c.ByteAtATime(on));

    public void Resume() => Connections.ForEach(c => c.Resume());

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }

        listener.Stop();
        Cut();
    }

    void AcceptLoop()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = listener.AcceptSocket();
            }
            catch (Exception) when (IsDisposed())
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            try
            {
                broker.Connect(IPAddress.Loopback, brokerPort);
            }
            catch (SocketException)
            {
                // Nothing listens behind us (broker down): the client sees its connection refused-like close.
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                broker.Dispose();
                continue;
            }

            ProxyConnection connection;
            lock (gate)
            {
                if (disposed)
                {
                    client.Dispose();
                    broker.Dispose();
                    return;
                }

                accepted++;
                connection = new ProxyConnection(client, broker, newConnections);
                open.Add(connection);
            }

            connection.Closed += Forget;
            connection.Start();
        }
    }

    void Forget(ProxyConnection connection)
    {
        lock (gate)
        {
            open.Remove(connection);
        }
    }

    bool IsDisposed()
    {
        lock (gate)
        {
            return disposed;
        }
    }
}
