using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>PUBLISH, MQTT 3.1.1 section 3.3: both encoders and Decode, on the examples and every flag combination.</summary>
[TestClass]
public class PublishTests
{
    static readonly byte[] Hi = { 0x68, 0x69 };
    static readonly byte[] AB = Ascii.Bytes("a/b");

    // U+20AC / U+1F600, as a string and as its UTF-8 bytes.
    const string MultiByteTopic = "\u20AC/\uD83D\uDE00";
    static readonly byte[] MultiByteTopicUtf8 = PacketBytes.Hex("E282AC2FF09F9880");

    /// <summary>Encodes with the string topic and with the topic bytes in the middle of a larger array: both must write <paramref name="expected"/>.</summary>
    internal static void AssertEncodesBoth(byte[] expected, string topic, byte[] topicUtf8, int packetId, MqttQos qos, bool retain, bool dup, byte[] payload)
    {
        byte[] fromString = PacketBytes.Room(expected.Length);
        int written = MqttEncoder.Publish(fromString, PacketBytes.At, topic, packetId, qos, retain, dup, payload, 0, payload.Length);
        PacketBytes.AssertWritten(expected, fromString, written);

        // Only the topic's range may be copied: wildcards around it would make the name invalid.
        byte[] topicBytes = PacketBytes.Concat(new byte[] { 0x23 }, topicUtf8, new byte[] { 0x2B });
        byte[] fromBytes = PacketBytes.Room(expected.Length);
        written = MqttEncoder.Publish(fromBytes, PacketBytes.At, topicBytes, 1, topicUtf8.Length, packetId, qos, retain, dup, payload, 0, payload.Length);
        PacketBytes.AssertWritten(expected, fromBytes, written);
    }

    internal static void AssertDecoded(byte[] packet, byte[] topicUtf8, int packetId, MqttQos qos, bool retain, bool dup, byte[] payload)
    {
        MqttPacket p = PacketBytes.DecodeValid(packet);

        Assert.AreEqual((int)MqttPacketType.Publish, (int)p.Type, "type");
        PacketBytes.AssertBytes(topicUtf8, p.Buffer, p.TopicOffset, p.TopicLength, "topic");
        Assert.AreEqual(packetId, p.PacketId, "packet id");
        Assert.AreEqual((int)qos, (int)p.Qos, "QoS");
        Assert.AreEqual(retain, p.Retain, "retain");
        Assert.AreEqual(dup, p.Dup, "dup");
        PacketBytes.AssertBytes(payload, p.Buffer, p.PayloadOffset, p.PayloadLength, "payload");
    }

    [TestMethod]
    public void EncodesTheQos0Example()
    {
        AssertEncodesBoth(PacketExamples.PublishQos0, "a/b", AB, 0, MqttQos.AtMostOnce, false, false, Hi);
    }

    [TestMethod]
    public void EncodesTheQos1Example()
    {
        AssertEncodesBoth(PacketExamples.PublishQos1, "a/b", AB, 10, MqttQos.AtLeastOnce, false, false, Hi);
    }

    [TestMethod]
    public void EncodesTheQos2RetainDupExample()
    {
        AssertEncodesBoth(PacketExamples.PublishQos2RetainDup, "a/b", AB, 65535, MqttQos.ExactlyOnce, true, true, Hi);
    }

    [TestMethod]
    public void EncodesTheRetainedEmptyExample()
    {
        AssertEncodesBoth(PacketExamples.PublishRetainedEmpty, "a/b", AB, 0, MqttQos.AtMostOnce, true, false, new byte[0]);
    }

    [TestMethod]
    public void EncodesTheMultiByteTopicExample()
    {
        AssertEncodesBoth(PacketExamples.PublishMultiByteTopic, MultiByteTopic, MultiByteTopicUtf8, 0x1234, MqttQos.AtLeastOnce, false, false, new byte[0]);
    }

    [TestMethod]
    public void EncodesANullPayloadAsEmpty()
    {
        byte[] buffer = PacketBytes.Room(PacketExamples.PublishRetainedEmpty.Length);
        int written = MqttEncoder.Publish(buffer, PacketBytes.At, "a/b", 0, MqttQos.AtMostOnce, true, false, null, 0, 0);

        PacketBytes.AssertWritten(PacketExamples.PublishRetainedEmpty, buffer, written);
    }

    [TestMethod]
    public void EncodesOnlyThePayloadRange()
    {
        byte[] payload = PacketBytes.Hex("EE6869EE");
        byte[] buffer = PacketBytes.Room(PacketExamples.PublishQos0.Length);
        int written = MqttEncoder.Publish(buffer, PacketBytes.At, "a/b", 0, MqttQos.AtMostOnce, false, false, payload, 1, 2);

        PacketBytes.AssertWritten(PacketExamples.PublishQos0, buffer, written);
    }

    [TestMethod]
    public void DecodesTheQos0Example()
    {
        AssertDecoded(PacketExamples.PublishQos0, AB, 0, MqttQos.AtMostOnce, false, false, Hi);
    }

    [TestMethod]
    public void DecodesTheQos1Example()
    {
        AssertDecoded(PacketExamples.PublishQos1, AB, 10, MqttQos.AtLeastOnce, false, false, Hi);
    }

    [TestMethod]
    public void DecodesTheQos2RetainDupExample()
    {
        AssertDecoded(PacketExamples.PublishQos2RetainDup, AB, 65535, MqttQos.ExactlyOnce, true, true, Hi);
    }

    [TestMethod]
    public void DecodesTheRetainedEmptyExample()
    {
        AssertDecoded(PacketExamples.PublishRetainedEmpty, AB, 0, MqttQos.AtMostOnce, true, false, new byte[0]);
    }

    [TestMethod]
    public void DecodesTheMultiByteTopicExample()
    {
        AssertDecoded(PacketExamples.PublishMultiByteTopic, MultiByteTopicUtf8, 0x1234, MqttQos.AtLeastOnce, false, false, new byte[0]);
    }

    /// <summary>DUP only with QoS 1 and 2 [MQTT-3.3.1-2].</summary>
    [TestMethod]
    [DataRow(0, false, false)]
    [DataRow(0, true, false)]
    [DataRow(1, false, false)]
    [DataRow(1, false, true)]
    [DataRow(1, true, false)]
    [DataRow(1, true, true)]
    [DataRow(2, false, false)]
    [DataRow(2, false, true)]
    [DataRow(2, true, false)]
    [DataRow(2, true, true)]
    public void EveryFlagCombinationOfFigure310(int qos, bool retain, bool dup)
    {
        int packetId = qos == 0 ? 0 : 0x0102;
        // Figure 3.10: bit 3 DUP, bits 2-1 QoS, bit 0 RETAIN.
        int firstByte = 0x30 | (dup ? 1 << 3 : 0) | (qos << 1) | (retain ? 1 : 0);
        byte[] payload = { 0x00, 0xFF };
        byte[] expected = PacketBytes.Framed(firstByte, PacketBytes.Concat(
            new byte[] { 0x00, 0x01, 0x74 },                      // topic "t"
            qos == 0 ? new byte[0] : new byte[] { 0x01, 0x02 },   // packet identifier
            payload));

        AssertEncodesBoth(expected, "t", new byte[] { 0x74 }, packetId, (MqttQos)qos, retain, dup, payload);
        AssertDecoded(expected, new byte[] { 0x74 }, packetId, (MqttQos)qos, retain, dup, payload);
    }

    [TestMethod]
    public void Payload200TakesTwoLengthBytes()
    {
        byte[] payload = new byte[200];
        for (int i = 0; i < payload.Length; i++) payload[i] = (byte)(i * 37 + 5);
        byte[] expected = PacketBytes.Concat(
            PacketBytes.Hex("30CB01"),       // PUBLISH, remaining length 203 = 0x4B + 1 * 128
            new byte[] { 0x00, 0x01, 0x74 },  // topic "t"
            payload);

        AssertEncodesBoth(expected, "t", new byte[] { 0x74 }, 0, MqttQos.AtMostOnce, false, false, payload);
        AssertDecoded(expected, new byte[] { 0x74 }, 0, MqttQos.AtMostOnce, false, false, payload);
        Assert.AreEqual(expected.Length, MqttEncoder.PublishSize(1, MqttQos.AtMostOnce, 200), "PublishSize");
    }

    [TestMethod]
    [DataRow(0, 0, 0, 4)]
    [DataRow(3, 1, 2, 11)]
    [DataRow(1, 0, 124, 129)]
    [DataRow(1, 0, 125, 131)]
    [DataRow(1, 2, 16378, 16386)]
    [DataRow(1, 2, 16379, 16388)]
    public void PublishSizeCountsEveryByte(int topicLength, int qos, int payloadCount, int expected)
    {
        Assert.AreEqual(expected, MqttEncoder.PublishSize(topicLength, (MqttQos)qos, payloadCount), "size");
    }

    [TestMethod]
    public void PublishSizeRefusesAboveTheMaximum()
    {
        Assert.AreEqual(1 + 4 + RemainingLength.Max, MqttEncoder.PublishSize(1, MqttQos.AtMostOnce, RemainingLength.Max - 3), "the largest");
        Assert.AreEqual(-1, MqttEncoder.PublishSize(1, MqttQos.AtMostOnce, RemainingLength.Max - 2), "one more");
        Assert.AreEqual(-1, MqttEncoder.PublishSize(1, MqttQos.AtLeastOnce, RemainingLength.Max - 4), "with a packet id");
    }

    [TestMethod]
    public void Qos0PayloadZerosAreNoPacketId()
    {
        AssertDecoded(PacketBytes.Hex("3007 0003612F62 0000"), AB, 0, MqttQos.AtMostOnce, false, false, new byte[] { 0, 0 }); // [MQTT-2.3.1-5]
    }

    [TestMethod]
    public void DecodesOnlyItsOwnRange()
    {
        // Two packets back to back: each is decoded from its own range only.
        byte[] both = PacketBytes.Concat(PacketExamples.PublishQos1, PacketExamples.Puback);
        MqttPacket p = new MqttPacket();

        Assert.AreEqual((int)MqttError.None, (int)MqttDecoder.Decode(both, 0, PacketExamples.PublishQos1.Length, p), "PUBLISH");
        Assert.AreEqual((int)MqttPacketType.Publish, (int)p.Type, "PUBLISH type");
        Assert.AreEqual(PacketExamples.PublishQos1.Length - 2, p.PayloadOffset, "payload offset");
        Assert.AreEqual(2, p.PayloadLength, "payload length");
        Assert.AreEqual((int)MqttError.None, (int)MqttDecoder.Decode(both, PacketExamples.PublishQos1.Length, PacketExamples.Puback.Length, p), "PUBACK");
        Assert.AreEqual((int)MqttPacketType.Puback, (int)p.Type, "PUBACK type");
        Assert.AreEqual(10, p.PacketId, "PUBACK id");
    }
}
