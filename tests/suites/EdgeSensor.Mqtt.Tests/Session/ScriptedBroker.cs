using System;
using System.Collections.Generic;
using System.Text;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>
/// The broker's side of a session under test, in memory: it decodes what the session writes and
/// encodes what a broker would send back. Time is whatever the test says it is.
/// </summary>
sealed class ScriptedBroker
{
    public readonly RecordingHandler Handler = new();
    public readonly MqttSession Session;
    public readonly MqttConnectOptions Connect = new() { ClientId = "dev1", KeepAliveSeconds = 10 };
    public long Now;
    readonly byte[] scratch = new byte[1 << 21];

    public ScriptedBroker(MqttSessionOptions options = null)
    {
        Session = new MqttSession(options ?? new MqttSessionOptions(), Handler);
    }

    /// <summary>Opens a connection and answers CONNACK; returns the CONNECT the session sent.</summary>
    public Packet Open(bool sessionPresent = false, MqttConnectReturnCode code = MqttConnectReturnCode.Accepted)
    {
        Assert.Equal(MqttError.None, Session.Connect(Connect, Now));
        var connect = Single(TakeOutput());
        Assert.Equal(MqttPacketType.Connect, connect.Type);
        Send(BrokerEncoder.Connack(scratch, 0, sessionPresent, code));
        return connect;
    }

    public void Send(int length) => Feed(scratch, 0, length);

    public void Feed(byte[] bytes, int offset, int length)
    {
        int taken = Session.Receive(bytes, offset, length, Now);
        Assert.Equal(length, taken);
    }

    public void SendAck(MqttPacketType type, int id) => Send(MqttEncoder.Ack(scratch, 0, type, id));

    public void SendPublish(string topic, byte[] payload, MqttQos qos, int id, bool retain = false, bool dup = false) =>
        Send(MqttEncoder.Publish(scratch, 0, topic, id, qos, retain, dup, payload, 0, payload.Length));

    public void SendSuback(int id, params byte[] codes) => Send(BrokerEncoder.Suback(scratch, 0, id, codes, 0, codes.Length));

    public void SendPingresp() => Send(MqttEncoder.Empty(scratch, 0, MqttPacketType.Pingresp));

    /// <summary>Everything the session has queued, as if the transport wrote it all at <see cref="Now"/>.</summary>
    public List<Packet> TakeOutput()
    {
        var packets = new List<Packet>();
        int count = Session.GetOutput(out byte[] buffer, out int offset);
        var bytes = buffer.AsSpan(offset, count).ToArray();
        Session.OutputWritten(count, Now);
        int position = 0;
        while (position < bytes.Length)
        {
            int header = MqttDecoder.TryReadFixedHeader(bytes, position, bytes.Length - position, out _, out int remaining);
            Assert.True(header > 0, "session wrote a broken fixed header");
            var packet = new BrokerPacket();
            Assert.Equal(MqttError.None, BrokerDecoder.Decode(bytes, position, header + remaining, packet));
            packets.Add(new Packet(packet, bytes));
            position += header + remaining;
        }
        return packets;
    }

    public static Packet Single(List<Packet> packets)
    {
        Assert.Single(packets);
        return packets[0];
    }
}

/// <summary>A decoded packet with its fields copied out, for assertions.</summary>
sealed class Packet
{
    public readonly MqttPacketType Type;
    public readonly int PacketId;
    public readonly MqttQos Qos;
    public readonly bool Dup;
    public readonly bool Retain;
    public readonly string Topic;
    public readonly byte[] Payload;
    public readonly BrokerPacket Raw;

    public Packet(BrokerPacket p, byte[] bytes)
    {
        Raw = p;
        Type = p.Type;
        PacketId = p.PacketId;
        Qos = p.Qos;
        Dup = p.Dup;
        Retain = p.Retain;
        Topic = p.Type == MqttPacketType.Publish ? Encoding.UTF8.GetString(bytes, p.TopicOffset, p.TopicLength) : null;
        Payload = bytes.AsSpan(p.PayloadOffset, p.PayloadLength).ToArray();
    }

    public override string ToString() => Type + " id=" + PacketId + (Dup ? " dup" : "");
}
