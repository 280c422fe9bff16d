using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// A broker written apart from the project, on raw sockets at 127.0.0.1 on a free port, that misbehaves on purpose:
/// per connection, chosen by the client id of its CONNECT, it refuses with a CONNACK code, claims a session after a
/// clean-session CONNECT, closes before CONNACK, never answers, or serves the client just enough (SUBACK, PUBACK,
/// PINGRESP) for an operator's connection to come up. Packets are written byte by byte, not by the project's codec.
/// </summary>
sealed class HostileBroker : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly Func<string, Behaviour> behaviourFor;
    readonly List<Socket> sockets = new();
    volatile bool disposed;

    /// <param name="behaviourFor">What to do with a connection, from the client id its CONNECT carries.</param>
    public HostileBroker(Func<string, Behaviour> behaviourFor)
    {
        this.behaviourFor = behaviourFor;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        new Thread(AcceptLoop) { IsBackground = true, Name = "hostile broker " + Port }.Start();
    }

    public enum Behaviour
    {
        /// <summary>CONNACK 0, then SUBACK (QoS granted), PUBACK and PINGRESP as asked.</summary>
        Serve,
        /// <summary>CONNACK 0 with session present set, whatever the CONNECT's clean-session flag says.</summary>
        ClaimSession,
        /// <summary>Reads the CONNECT, then closes the connection without a CONNACK.</summary>
        CloseBeforeConnack,
        /// <summary>Reads everything and answers nothing, keeping the connection open.</summary>
        NeverAnswer,
        RefuseWith1,
        RefuseWith2,
        RefuseWith3,
        RefuseWith4,
        RefuseWith5,
    }

    /// <summary>The same behaviour for every client.</summary>
    public HostileBroker(Behaviour always)
        : this(_ => always)
    {
    }

    public int Port { get; }

    /// <summary>The refusal with CONNACK return code <paramref name="code"/> (1 to 5).</summary>
    public static Behaviour RefuseWith(int code) => Behaviour.RefuseWith1 + code - 1;

    public string Url => "mqtt://127.0.0.1:" + Port;

    public void Dispose()
    {
        disposed = true;
        listener.Stop();
        lock (sockets)
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    void AcceptLoop()
    {
        while (!disposed)
        {
            Socket socket;
            try
            {
                socket = listener.AcceptSocket();
            }
            catch (Exception) when (disposed)
            {
                return;
            }

            lock (sockets)
            {
                sockets.Add(socket);
            }

            new Thread(() => Serve(socket)) { IsBackground = true, Name = "hostile broker connection" }.Start();
        }
    }

    void Serve(Socket socket)
    {
        try
        {
            (int first, byte[] body) = ReadPacket(socket);
            if (first >> 4 != 1)
            {
                return; // not a CONNECT: nothing this broker answers
            }

            Behaviour behaviour = behaviourFor(ClientId(body));
            switch (behaviour)
            {
                case Behaviour.CloseBeforeConnack:
                    return;
                case Behaviour.NeverAnswer:
                    while (ReadPacket(socket).First >= 0)
                    {
                    }

                    return;
                case Behaviour.ClaimSession:
                    socket.Send(new byte[] { 0x20, 0x02, 0x01, 0x00 }); // session present 1, accepted
                    break;
                case Behaviour.Serve:
                    socket.Send(new byte[] { 0x20, 0x02, 0x00, 0x00 });
                    break;
                default:
                    // A refusal, then the close that must follow it [MQTT-3.2.2-5].
                    socket.Send(new byte[] { 0x20, 0x02, 0x00, (byte)(behaviour - Behaviour.RefuseWith1 + 1) });
                    return;
            }

            Answer(socket);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // the client went away, or the test is over
        }
        finally
        {
            socket.Close();
        }
    }

    /// <summary>Just enough of a broker for a client to stay connected; DISCONNECT or a close ends it.</summary>
    static void Answer(Socket socket)
    {
        while (true)
        {
            (int first, byte[] body) = ReadPacket(socket);
            int qos = first >> 1 & 3;
            switch (first >> 4)
            {
                case 3 when qos > 0: // PUBLISH at QoS 1 or 2: PUBACK or PUBREC with its packet id, after the topic
                    int topicLength = body[0] << 8 | body[1];
                    socket.Send(new byte[] { (byte)(qos == 1 ? 0x40 : 0x50), 0x02, body[2 + topicLength], body[3 + topicLength] });
                    break;
                case 8: // SUBSCRIBE: grant every filter the QoS it asked for
                    var suback = new List<byte> { 0x90, 0, body[0], body[1] };
                    for (int at = 2; at < body.Length;)
                    {
                        int length = body[at] << 8 | body[at + 1];
                        suback.Add(body[at + 2 + length]);
                        at += 3 + length;
                    }

                    suback[1] = (byte)(suback.Count - 2);
                    socket.Send(suback.ToArray());
                    break;
                case 12: // PINGREQ
                    socket.Send(new byte[] { 0xD0, 0x00 });
                    break;
                case 14: // DISCONNECT
                case -1: // closed by the client (first is -1)
                    return;
            }
        }
    }

    /// <summary>The client id of a CONNECT's body: after the protocol name (2 + 4), level, flags and keepalive.</summary>
    static string ClientId(byte[] body)
    {
        int length = body[10] << 8 | body[11];
        return Encoding.UTF8.GetString(body, 12, length);
    }

    /// <summary>One packet: its first byte (type and flags) and its body; -1 and null when the client closed.</summary>
    static (int First, byte[] Body) ReadPacket(Socket socket)
    {
        var one = new byte[1];
        if (!ReadExactly(socket, one))
        {
            return (-1, null);
        }

        int first = one[0];
        int remaining = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (!ReadExactly(socket, one))
            {
                return (-1, null);
            }

            remaining |= (one[0] & 0x7F) << shift;
            if ((one[0] & 0x80) == 0)
            {
                break;
            }
        }

        var body = new byte[remaining];
        return ReadExactly(socket, body) ? (first, body) : (-1, null);
    }

    static bool ReadExactly(Socket socket, byte[] into)
    {
        for (int at = 0; at < into.Length;)
        {
            int n = socket.Receive(into, at, into.Length - at, SocketFlags.None);
            if (n == 0)
            {
                return false;
            }

            at += n;
        }

        return true;
    }
}
