using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>SUBSCRIBE as the client encodes it, SUBACK as it decodes it (MQTT 3.1.1 sections 3.8 and 3.9).</summary>
[TestClass]
public class SubscribeTests
{
    [TestMethod]
    public void EncodesTheSubscribeExample()
    {
        byte[][] filters = { Ascii.Bytes("a/b"), Ascii.Bytes("c/d"), Ascii.Bytes("+/#") };
        MqttQos[] qos = { MqttQos.AtLeastOnce, MqttQos.ExactlyOnce, MqttQos.AtMostOnce };
        byte[] buffer = PacketBytes.Room(PacketExamples.Subscribe.Length);

        PacketBytes.AssertWritten(PacketExamples.Subscribe, buffer, MqttEncoder.Subscribe(buffer, PacketBytes.At, 10, filters, qos, 0, 3));
    }

    [TestMethod]
    public void EncodesOnlyTheGivenRunOfFilters()
    {
        byte[][] filters = { Ascii.Bytes("x"), Ascii.Bytes("a/b"), Ascii.Bytes("c/d"), Ascii.Bytes("+/#"), Ascii.Bytes("y") };
        MqttQos[] qos = { MqttQos.ExactlyOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce, MqttQos.AtMostOnce, MqttQos.ExactlyOnce };
        byte[] buffer = PacketBytes.Room(PacketExamples.Subscribe.Length);

        PacketBytes.AssertWritten(PacketExamples.Subscribe, buffer, MqttEncoder.Subscribe(buffer, PacketBytes.At, 10, filters, qos, 1, 3));
    }

    [TestMethod]
    [DataRow(0x80)]
    [DataRow(0x81)]
    [DataRow(0x83)]
    [DataRow(0x8A)]
    public void RefusesSubscribeFlagsOtherThan0010(int firstByte)
    {
        byte[] packet = PacketBytes.With(PacketExamples.Subscribe, 0, firstByte);

        Assert.AreEqual((int)MqttError.ReservedFlags, (int)PacketBytes.Decode(packet), "[MQTT-3.8.1-1]");
    }

    [TestMethod]
    public void DecodesTheSubackExample()
    {
        MqttPacket p = PacketBytes.DecodeValid(PacketExamples.Suback);

        Assert.AreEqual((int)MqttPacketType.Suback, (int)p.Type, "type");
        Assert.AreEqual(10, p.PacketId, "packet id");
        PacketBytes.AssertBytes(PacketBytes.Hex("00010280"), p.Buffer, p.PayloadOffset, p.PayloadLength, "[MQTT-3.9.3-1]");
    }

    [TestMethod]
    [DataRow(0x03)]
    [DataRow(0x7F)]
    [DataRow(0x81)]
    [DataRow(0xFF)]
    public void RefusesASubackCodeOtherThan0To2Or0x80(int code)
    {
        byte[] packet = PacketBytes.With(PacketExamples.Suback, 6, code);

        Assert.AreEqual((int)MqttError.UnknownSubackCode, (int)PacketBytes.Decode(packet), "[MQTT-3.9.3-2]");
    }

    [TestMethod]
    [DataRow("9002 000A", (int)MqttError.EmptySubscription)] // no return code: SUBACK answers at least one filter
    [DataRow("9001 00", (int)MqttError.PacketTooShort)] // half a packet identifier
    [DataRow("9000", (int)MqttError.PacketTooShort)] // no packet identifier
    public void RefusesASubackWithoutReturnCodes(string hex, int expected)
    {
        Assert.AreEqual(expected, (int)PacketBytes.Decode(PacketBytes.Hex(hex)), hex);
    }

    [TestMethod]
    public void RefusesSubackPacketId0()
    {
        Assert.AreEqual((int)MqttError.ZeroPacketId, (int)PacketBytes.Decode(PacketBytes.Hex("9006 0000 0001 61 00")), "[MQTT-2.3.1-1]");
    }
}
