using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>What the strict decoder refuses in a PUBLISH (MQTT 3.1.1 section 3.3), whole or header first.</summary>
[TestClass]
public class PublishRefusalTests
{
    [TestMethod]
    [DataRow(0x36)] // QoS 3
    [DataRow(0x37)] // QoS 3, RETAIN
    [DataRow(0x3E)] // QoS 3, DUP
    [DataRow(0x3F)] // QoS 3, DUP, RETAIN
    public void RefusesQos3(int firstByte)
    {
        byte[] packet = PacketBytes.With(PacketExamples.PublishQos1, 0, firstByte);

        Assert.AreEqual((int)MqttError.InvalidQos, (int)PacketBytes.Decode(packet), "[MQTT-3.3.1-4]");
        Assert.AreEqual((int)MqttError.InvalidQos, (int)MqttDecoder.CheckFirstByte(firstByte), "[MQTT-3.3.1-4]");
    }

    [TestMethod]
    [DataRow(0x38)]
    [DataRow(0x39)]
    public void RefusesDupOnQos0(int firstByte)
    {
        byte[] packet = PacketBytes.With(PacketExamples.PublishQos0, 0, firstByte);

        Assert.AreEqual((int)MqttError.DupOnQos0, (int)PacketBytes.Decode(packet), "[MQTT-3.3.1-2]");
        Assert.AreEqual((int)MqttError.DupOnQos0, (int)MqttDecoder.CheckFirstByte(firstByte), "[MQTT-3.3.1-2]");
    }

    [TestMethod]
    [DataRow("3004 0000 6869")] // QoS 0
    [DataRow("3204 0000 0001")] // QoS 1
    public void RefusesAnEmptyTopicName(string hex)
    {
        Assert.AreEqual((int)MqttError.EmptyTopic, (int)PacketBytes.Decode(PacketBytes.Hex(hex)), "[MQTT-4.7.3-1]");
    }

    [TestMethod]
    [DataRow("a/+")]
    [DataRow("+")]
    [DataRow("#")]
    [DataRow("a/#")]
    [DataRow("a+b")]
    public void RefusesWildcardsInTheTopicName(string topic)
    {
        byte[] packet = PacketBytes.Framed(0x32, PacketBytes.Concat(PacketBytes.Prefixed(Ascii.Bytes(topic)), new byte[] { 0x00, 0x01 }));

        Assert.AreEqual((int)MqttError.WildcardInTopicName, (int)PacketBytes.Decode(packet), "[MQTT-3.3.2-2] " + topic);
    }

    [TestMethod]
    [DataRow("612FC0")] // truncated two-byte form [MQTT-1.5.3-1]
    [DataRow("C080")] // overlong NUL [MQTT-1.5.3-1]
    [DataRow("EDA080")] // encoded surrogate D800 [MQTT-1.5.3-1]
    [DataRow("EDB080")] // encoded surrogate DC00 [MQTT-1.5.3-1]
    [DataRow("FE")] // byte never in UTF-8 [MQTT-1.5.3-1]
    [DataRow("61002F62")] // U+0000 [MQTT-1.5.3-2]
    public void RefusesATopicNameThatIsNotMqttUtf8(string hex)
    {
        byte[] packet = PacketBytes.Framed(0x30, PacketBytes.Concat(PacketBytes.Prefixed(PacketBytes.Hex(hex)), new byte[] { 0x68, 0x69 }));

        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)PacketBytes.Decode(packet), "[MQTT-3.3.2-1] " + hex);
    }

    [TestMethod]
    [DataRow(0x32)]
    [DataRow(0x34)]
    [DataRow(0x3B)]
    [DataRow(0x3D)]
    public void RefusesPacketIdentifier0AtQos1And2(int firstByte)
    {
        byte[] packet = PacketBytes.Framed(firstByte, PacketBytes.Hex("0003 612F62 0000 6869"));

        Assert.AreEqual((int)MqttError.ZeroPacketId, (int)PacketBytes.Decode(packet), "[MQTT-2.3.1-1]");
    }

    [TestMethod]
    [DataRow("3000")] // no topic length
    [DataRow("3001 00")] // half a topic length
    [DataRow("3003 0005 61")] // topic length past the end
    [DataRow("3005 0004 612F62")] // topic length one past the end
    [DataRow("3205 0003 612F62")] // QoS 1 without packet identifier
    [DataRow("3206 0003 612F62 00")] // QoS 1 with half a packet identifier
    [DataRow("3203 0001 74")] // QoS 1, topic only
    public void RefusesAVariableHeaderCutShort(string hex)
    {
        Assert.AreEqual((int)MqttError.PacketTooShort, (int)PacketBytes.Decode(PacketBytes.Hex(hex)), hex);
    }

    [TestMethod]
    public void PublishHeaderIsReadBeforeThePayload()
    {
        // A QoS 1 PUBLISH of 100000 payload bytes of which only the variable header is present.
        const int remaining = 2 + 3 + 2 + 100000;
        byte[] buffer = PacketBytes.Hex("EEEE 0003 612F62 0007");
        MqttPacket p = new MqttPacket();

        MqttError error = MqttDecoder.DecodePublishHeader(buffer, 2, 7, 0x02, remaining, p, out int headerLength);

        Assert.AreEqual((int)MqttError.None, (int)error, "error");
        Assert.AreEqual(7, headerLength, "header length");
        Assert.AreEqual((int)MqttPacketType.Publish, (int)p.Type, "type");
        Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)p.Qos, "QoS");
        Assert.AreEqual(7, p.PacketId, "packet id");
        Assert.AreEqual(4, p.TopicOffset, "topic offset");
        PacketBytes.AssertBytes(Ascii.Bytes("a/b"), p.Buffer, p.TopicOffset, p.TopicLength, "topic");
    }

    [TestMethod]
    public void PublishHeaderAsksForMoreOnEveryPrefix()
    {
        byte[] header = PacketBytes.Hex("0003 612F62 0007");
        for (int available = 0; available < header.Length; available++)
        {
            // Exactly sized: a read past what is available throws.
            byte[] prefix = PacketBytes.Slice(header, 0, available);

            MqttError error = MqttDecoder.DecodePublishHeader(prefix, 0, available, 0x0B, 1000, new MqttPacket(), out int headerLength);

            Assert.AreEqual((int)MqttError.None, (int)error, "available " + available.ToString());
            Assert.AreEqual(0, headerLength, "available " + available.ToString());
        }
    }

    [TestMethod]
    [DataRow("0003 612F62 0007", 0x02, 1, (int)MqttError.PacketTooShort)] // remaining length too small for a topic length
    [DataRow("0003 612F62 0007", 0x02, 6, (int)MqttError.PacketTooShort)] // topic and id longer than the packet
    [DataRow("0003 612F62", 0x00, 4, (int)MqttError.PacketTooShort)] // topic longer than the packet
    [DataRow("0003 612F23 0007", 0x02, 1000, (int)MqttError.WildcardInTopicName)] // [MQTT-3.3.2-2]
    [DataRow("0003 612F62 0000", 0x02, 1000, (int)MqttError.ZeroPacketId)] // [MQTT-2.3.1-1]
    [DataRow("0000 0007", 0x02, 1000, (int)MqttError.EmptyTopic)] // [MQTT-4.7.3-1]
    public void PublishHeaderRefusesWhatDecodeRefuses(string hex, int flags, int remaining, int expected)
    {
        byte[] header = PacketBytes.Hex(hex);

        MqttError error = MqttDecoder.DecodePublishHeader(header, 0, header.Length, flags, remaining, new MqttPacket(), out int headerLength);

        Assert.AreEqual(expected, (int)error, hex);
    }
}
