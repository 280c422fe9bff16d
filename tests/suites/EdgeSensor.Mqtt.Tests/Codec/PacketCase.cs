using System;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// One packet as its encoder's arguments: it can encode itself and check that a decoded view
/// holds exactly those arguments. The property and capacity tests work on these.
/// </summary>
abstract class PacketCase
{
    public abstract MqttPacketType Type { get; }

    /// <summary>Calls the encoder; returns what it returns.</summary>
    public abstract int Encode(byte[] buffer, int offset);

    /// <summary>Fails unless the decoded view carries exactly what was encoded.</summary>
    public abstract void AssertDecodedAs(BrokerPacket decoded);

    public byte[] ToBytes()
    {
        return PacketBytes.Encoded(Encode);
    }

    protected static void Text(string expected, BrokerPacket p, int offset, int length, string field)
    {
        Assert.True(expected == PacketBytes.Text(p.Buffer, offset, length), field);
    }

    protected static void Binary(byte[] expected, BrokerPacket p, int offset, int length, string field)
    {
        Assert.True(expected.AsSpan().SequenceEqual(p.Buffer.AsSpan(offset, length)), field);
    }
}

sealed class ConnectCase : PacketCase
{
    public MqttConnectOptions Options;

    public override MqttPacketType Type => MqttPacketType.Connect;

    public override int Encode(byte[] buffer, int offset) => MqttEncoder.Connect(buffer, offset, Options);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        MqttConnectOptions o = Options;
        Assert.Equal(MqttPacketType.Connect, p.Type);
        Assert.Equal(4, p.ProtocolLevel);
        Assert.Equal(o.CleanSession, p.CleanSession);
        Assert.Equal(o.KeepAliveSeconds, p.KeepAliveSeconds);
        Text(o.ClientId, p, p.ClientIdOffset, p.ClientIdLength, "client id");
        Assert.Equal(o.WillTopic != null, p.HasWill);
        if (p.HasWill)
        {
            Assert.Equal(o.WillQos, p.WillQos);
            Assert.Equal(o.WillRetain, p.WillRetain);
            Text(o.WillTopic, p, p.WillTopicOffset, p.WillTopicLength, "will topic");
            Binary(o.WillPayload ?? new byte[0], p, p.WillPayloadOffset, p.WillPayloadLength, "will message");
        }

        Assert.Equal(o.UserName != null, p.HasUserName);
        if (p.HasUserName)
        {
            Text(o.UserName, p, p.UserNameOffset, p.UserNameLength, "user name");
        }

        Assert.Equal(o.Password != null, p.HasPassword);
        if (p.HasPassword)
        {
            Binary(o.Password, p, p.PasswordOffset, p.PasswordLength, "password");
        }
    }

    public override string ToString()
    {
        MqttConnectOptions o = Options;
        return "CONNECT id='" + o.ClientId + "' clean=" + o.CleanSession + " keepAlive=" + o.KeepAliveSeconds
            + " will=" + (o.WillTopic ?? "-") + "/" + o.WillQos + "/" + o.WillRetain
            + " user=" + (o.UserName ?? "-") + " password=" + (o.Password == null ? "-" : o.Password.Length + " bytes");
    }
}

sealed class ConnackCase : PacketCase
{
    public bool SessionPresent;
    public MqttConnectReturnCode Code;

    public override MqttPacketType Type => MqttPacketType.Connack;

    public override int Encode(byte[] buffer, int offset) => BrokerEncoder.Connack(buffer, offset, SessionPresent, Code);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(MqttPacketType.Connack, p.Type);
        Assert.Equal(SessionPresent, p.SessionPresent);
        Assert.Equal(Code, p.ReturnCode);
    }

    public override string ToString() => "CONNACK " + SessionPresent + " " + Code;
}

sealed class PublishCase : PacketCase
{
    public string Topic;
    public bool TopicAsBytes;
    public int PacketId;
    public MqttQos Qos;
    public bool Retain;
    public bool Dup;

    /// <summary>The payload sits at <see cref="PayloadOffset"/> of a larger array.</summary>
    public byte[] PayloadArray;
    public int PayloadOffset;
    public int PayloadCount;

    public override MqttPacketType Type => MqttPacketType.Publish;

    public override int Encode(byte[] buffer, int offset)
    {
        if (!TopicAsBytes)
        {
            return MqttEncoder.Publish(buffer, offset, Topic, PacketId, Qos, Retain, Dup, PayloadArray, PayloadOffset, PayloadCount);
        }

        byte[] topic = PacketBytes.Concat(new byte[] { 0x2B }, PacketBytes.Utf8(Topic), new byte[] { 0x23 });
        return MqttEncoder.Publish(buffer, offset, topic, 1, topic.Length - 2, PacketId, Qos, Retain, Dup,
            PayloadArray, PayloadOffset, PayloadCount);
    }

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(MqttPacketType.Publish, p.Type);
        Text(Topic, p, p.TopicOffset, p.TopicLength, "topic");
        Assert.Equal(Qos, p.Qos);
        Assert.Equal(Retain, p.Retain);
        Assert.Equal(Dup, p.Dup);
        Assert.Equal(Qos == MqttQos.AtMostOnce ? 0 : PacketId, p.PacketId);
        Binary(PayloadArray.AsSpan(PayloadOffset, PayloadCount).ToArray(), p, p.PayloadOffset, p.PayloadLength, "payload");
    }

    public override string ToString()
    {
        return "PUBLISH '" + Topic + "' id=" + PacketId + " " + Qos + " retain=" + Retain + " dup=" + Dup
            + " payload=" + PayloadCount + (TopicAsBytes ? " (byte[] topic)" : string.Empty);
    }
}

/// <summary>PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK.</summary>
sealed class AckCase : PacketCase
{
    public MqttPacketType AckType;
    public int PacketId;

    public override MqttPacketType Type => AckType;

    public override int Encode(byte[] buffer, int offset) => MqttEncoder.Ack(buffer, offset, AckType, PacketId);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(AckType, p.Type);
        Assert.Equal(PacketId, p.PacketId);
    }

    public override string ToString() => AckType + " " + PacketId;
}

sealed class SubscribeCase : PacketCase
{
    public int PacketId;

    /// <summary>The filters sent are entries First .. First+Count-1 of larger arrays.</summary>
    public byte[][] Filters;
    public MqttQos[] Qos;
    public int First;
    public int Count;

    public override MqttPacketType Type => MqttPacketType.Subscribe;

    public override int Encode(byte[] buffer, int offset) => MqttEncoder.Subscribe(buffer, offset, PacketId, Filters, Qos, First, Count);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(MqttPacketType.Subscribe, p.Type);
        Assert.Equal(PacketId, p.PacketId);
        string[] expected = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            expected[i] = PacketBytes.Text(Filters[First + i], 0, Filters[First + i].Length) + " " + (int)Qos[First + i];
        }

        Assert.Equal(expected, SubscribeTests.Filters(p, true));
    }

    public override string ToString() => "SUBSCRIBE " + PacketId + " " + Count + " filters";
}

sealed class SubackCase : PacketCase
{
    public int PacketId;
    public byte[] Codes;

    public override MqttPacketType Type => MqttPacketType.Suback;

    public override int Encode(byte[] buffer, int offset) => BrokerEncoder.Suback(buffer, offset, PacketId, Codes, 0, Codes.Length);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(MqttPacketType.Suback, p.Type);
        Assert.Equal(PacketId, p.PacketId);
        Binary(Codes, p, p.PayloadOffset, p.PayloadLength, "return codes");
    }

    public override string ToString() => "SUBACK " + PacketId + " " + Convert.ToHexString(Codes);
}

sealed class UnsubscribeCase : PacketCase
{
    public int PacketId;
    public byte[][] Filters;
    public int First;
    public int Count;

    public override MqttPacketType Type => MqttPacketType.Unsubscribe;

    public override int Encode(byte[] buffer, int offset) => MqttEncoder.Unsubscribe(buffer, offset, PacketId, Filters, First, Count);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(MqttPacketType.Unsubscribe, p.Type);
        Assert.Equal(PacketId, p.PacketId);
        string[] expected = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            expected[i] = PacketBytes.Text(Filters[First + i], 0, Filters[First + i].Length);
        }

        Assert.Equal(expected, SubscribeTests.Filters(p, false));
    }

    public override string ToString() => "UNSUBSCRIBE " + PacketId + " " + Count + " filters";
}

/// <summary>PINGREQ, PINGRESP, DISCONNECT.</summary>
sealed class HeaderOnlyCase : PacketCase
{
    public MqttPacketType PacketType;

    public override MqttPacketType Type => PacketType;

    public override int Encode(byte[] buffer, int offset) => MqttEncoder.Empty(buffer, offset, PacketType);

    public override void AssertDecodedAs(BrokerPacket p)
    {
        Assert.Equal(PacketType, p.Type);
    }

    public override string ToString() => PacketType.ToString();
}
