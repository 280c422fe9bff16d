using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>
/// Every encoder the client has checks the room left before it writes: -1 and an untouched buffer when the packet
/// does not fit, so the caller can drain and retry; the packet itself at exactly the needed size.
/// </summary>
[TestClass]
public class EncoderCapacityTests
{
    const byte Untouched = 0xA5;

    /// <summary>The payloads sit at offset 1 of this array.</summary>
    static readonly byte[] Payload = new byte[20002];

    /// <summary>"sensors/+/0" to "sensors/+/39"; the encoders send a run of them.</summary>
    static readonly byte[][] Filters = BuildFilters();
    static readonly MqttQos[] FilterQos = BuildQos();

    static byte[][] BuildFilters()
    {
        byte[][] filters = new byte[40][];
        for (int i = 0; i < filters.Length; i++) filters[i] = Ascii.Bytes("sensors/+/" + i.ToString());
        return filters;
    }

    static MqttQos[] BuildQos()
    {
        MqttQos[] qos = new MqttQos[40];
        for (int i = 0; i < qos.Length; i++) qos[i] = (MqttQos)(i % 3);
        return qos;
    }

    /// <summary>The packet named <paramref name="name"/> encoded at <paramref name="offset"/>; what the encoder returns.</summary>
    static int Encode(string name, byte[] b, int offset)
    {
        if (name == "CONNECT minimal")
        {
            MqttConnectOptions minimal = new MqttConnectOptions();
            minimal.ClientId = "a";
            return MqttEncoder.Connect(b, offset, minimal);
        }
        if (name == "CONNECT, 2-byte length")
        {
            MqttConnectOptions full = new MqttConnectOptions();
            full.ClientId = "client-\u20AC";
            full.WillTopic = "w/\uD83D\uDE00";
            full.WillPayload = new byte[200];
            full.WillQos = MqttQos.ExactlyOnce;
            full.UserName = "u";
            full.Password = new byte[] { 1, 2 };
            return MqttEncoder.Connect(b, offset, full);
        }
        if (name == "PUBLISH QoS 0 empty") return Publish(b, offset, "a/b", Ascii.Bytes("a/b"), MqttQos.AtMostOnce, 0, false);
        if (name == "PUBLISH QoS 0 empty, byte[] topic") return Publish(b, offset, "a/b", Ascii.Bytes("a/b"), MqttQos.AtMostOnce, 0, true);
        if (name == "PUBLISH QoS 1") return Publish(b, offset, "\u20AC/\uD83D\uDE00", Utf8Text.Bytes("\u20AC/<f0 9f 98 80>"), MqttQos.AtLeastOnce, 16, false);
        if (name == "PUBLISH QoS 1, byte[] topic") return Publish(b, offset, "\u20AC/\uD83D\uDE00", Utf8Text.Bytes("\u20AC/<f0 9f 98 80>"), MqttQos.AtLeastOnce, 16, true);
        if (name == "PUBLISH QoS 2, 3-byte length") return Publish(b, offset, "t", Ascii.Bytes("t"), MqttQos.ExactlyOnce, 20000, false);
        if (name == "PUBLISH QoS 2, 3-byte length, byte[] topic") return Publish(b, offset, "t", Ascii.Bytes("t"), MqttQos.ExactlyOnce, 20000, true);
        if (name == "PUBACK") return MqttEncoder.Ack(b, offset, MqttPacketType.Puback, 258);
        if (name == "PUBREC") return MqttEncoder.Ack(b, offset, MqttPacketType.Pubrec, 258);
        if (name == "PUBREL") return MqttEncoder.Ack(b, offset, MqttPacketType.Pubrel, 258);
        if (name == "PUBCOMP") return MqttEncoder.Ack(b, offset, MqttPacketType.Pubcomp, 258);
        if (name == "UNSUBACK") return MqttEncoder.Ack(b, offset, MqttPacketType.Unsuback, 258);
        if (name == "PINGREQ") return MqttEncoder.Empty(b, offset, MqttPacketType.Pingreq);
        if (name == "PINGRESP") return MqttEncoder.Empty(b, offset, MqttPacketType.Pingresp);
        if (name == "DISCONNECT") return MqttEncoder.Empty(b, offset, MqttPacketType.Disconnect);

        if (name == "SUBSCRIBE one filter") return MqttEncoder.Subscribe(b, offset, 1, Filters, FilterQos, 3, 1);
        if (name == "SUBSCRIBE, 2-byte length") return MqttEncoder.Subscribe(b, offset, 1, Filters, FilterQos, 0, 40);
        if (name == "UNSUBSCRIBE one filter") return MqttEncoder.Unsubscribe(b, offset, 9, Filters, 39, 1);
        if (name == "UNSUBSCRIBE, 2-byte length") return MqttEncoder.Unsubscribe(b, offset, 9, Filters, 0, 40);
        Assert.IsTrue(false, "no packet named " + name);
        return 0;
    }

    /// <summary>The payload sits at offset 1 of a larger array; a byte[] topic between wildcards that must not be copied.</summary>
    static int Publish(byte[] b, int offset, string topic, byte[] topicUtf8, MqttQos qos, int payloadCount, bool topicAsBytes)
    {
        byte[] payload = Payload;
        int packetId = qos == MqttQos.AtMostOnce ? 0 : 513;
        if (!topicAsBytes) return MqttEncoder.Publish(b, offset, topic, packetId, qos, false, false, payload, 1, payloadCount);
        byte[] topicBytes = PacketBytes.Concat(new byte[] { 0x2B }, topicUtf8, new byte[] { 0x23 });
        return MqttEncoder.Publish(b, offset, topicBytes, 1, topicUtf8.Length, packetId, qos, false, false, payload, 1, payloadCount);
    }

    /// <summary>What the encoder writes given all the room it could want.</summary>
    static byte[] Expected(string name)
    {
        byte[] roomy = new byte[21000];
        int written = Encode(name, roomy, 0);
        Assert.IsTrue(written > 0, name + " refused " + roomy.Length.ToString() + " bytes");
        return PacketBytes.Slice(roomy, 0, written);
    }

    static bool AllUntouched(byte[] buffer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (buffer[i] != Untouched) return false;
        }
        return true;
    }

    [TestMethod]
    [DataRow("CONNECT minimal")]
    [DataRow("CONNECT, 2-byte length")]
    [DataRow("PUBLISH QoS 0 empty")]
    [DataRow("PUBLISH QoS 0 empty, byte[] topic")]
    [DataRow("PUBLISH QoS 1")]
    [DataRow("PUBLISH QoS 1, byte[] topic")]
    [DataRow("PUBLISH QoS 2, 3-byte length")]
    [DataRow("PUBLISH QoS 2, 3-byte length, byte[] topic")]
    [DataRow("PUBACK")]
    [DataRow("PUBREC")]
    [DataRow("PUBREL")]
    [DataRow("PUBCOMP")]
    [DataRow("UNSUBACK")]
    [DataRow("PINGREQ")]
    [DataRow("PINGRESP")]
    [DataRow("DISCONNECT")]
    [DataRow("SUBSCRIBE one filter")]
    [DataRow("SUBSCRIBE, 2-byte length")]
    [DataRow("UNSUBSCRIBE one filter")]
    [DataRow("UNSUBSCRIBE, 2-byte length")]
    public void FitsExactlyAndNotOneByteLess(string name)
    {
        byte[] expected = Expected(name);
        for (int offset = 0; offset <= 3; offset += 3)
        {
            string at = name + " at offset " + offset.ToString();
            byte[] tooSmall = PacketBytes.Filled(offset + expected.Length - 1, Untouched);
            Assert.AreEqual(-1, Encode(name, tooSmall, offset), at);
            Assert.IsTrue(AllUntouched(tooSmall, tooSmall.Length), at + " wrote into a buffer it refused");

            byte[] exact = PacketBytes.Filled(offset + expected.Length, Untouched);
            Assert.AreEqual(expected.Length, Encode(name, exact, offset), at);
            PacketBytes.AssertBytes(expected, exact, offset, expected.Length, at);
            Assert.IsTrue(AllUntouched(exact, offset), at + " wrote before its offset");
        }
    }

    [TestMethod]
    [DataRow("CONNECT minimal")]
    [DataRow("CONNECT, 2-byte length")]
    [DataRow("PUBLISH QoS 0 empty")]
    [DataRow("PUBLISH QoS 0 empty, byte[] topic")]
    [DataRow("PUBLISH QoS 1")]
    [DataRow("PUBLISH QoS 1, byte[] topic")]
    [DataRow("PUBLISH QoS 2, 3-byte length")]
    [DataRow("PUBLISH QoS 2, 3-byte length, byte[] topic")]
    [DataRow("PUBACK")]
    [DataRow("PUBREC")]
    [DataRow("PUBREL")]
    [DataRow("PUBCOMP")]
    [DataRow("UNSUBACK")]
    [DataRow("PINGREQ")]
    [DataRow("PINGRESP")]
    [DataRow("DISCONNECT")]
    [DataRow("SUBSCRIBE one filter")]
    [DataRow("SUBSCRIBE, 2-byte length")]
    [DataRow("UNSUBSCRIBE one filter")]
    [DataRow("UNSUBSCRIBE, 2-byte length")]
    public void EverySmallerBufferIsRefused(string name)
    {
        int needed = Expected(name).Length;
        for (int length = 0; length < needed; length += needed > 300 ? 97 : 1)
        {
            Assert.AreEqual(-1, Encode(name, new byte[length], 0), name + " in " + length.ToString() + " bytes");
        }

        // An offset at or past the end leaves no room at all.
        Assert.AreEqual(-1, Encode(name, PacketBytes.Filled(needed, Untouched), needed), name + " at the end");
        Assert.AreEqual(-1, Encode(name, PacketBytes.Filled(needed, Untouched), needed + 1), name + " past the end");
    }
}
