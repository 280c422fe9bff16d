using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>UNSUBSCRIBE as the client encodes it, UNSUBACK as it decodes it (MQTT 3.1.1 sections 3.10 and 3.11).</summary>
[TestClass]
public class UnsubscribeTests
{
    [TestMethod]
    public void EncodesTheUnsubscribeExample()
    {
        byte[][] filters = { Ascii.Bytes("x"), Ascii.Bytes("a/b"), Ascii.Bytes("c/d"), Ascii.Bytes("y") };
        byte[] buffer = PacketBytes.Room(PacketExamples.Unsubscribe.Length);

        PacketBytes.AssertWritten(PacketExamples.Unsubscribe, buffer, MqttEncoder.Unsubscribe(buffer, PacketBytes.At, 10, filters, 1, 2));
    }

    [TestMethod]
    [DataRow(0xA0)]
    [DataRow(0xA3)]
    [DataRow(0xAA)]
    public void RefusesUnsubscribeFlagsOtherThan0010(int firstByte)
    {
        byte[] packet = PacketBytes.With(PacketExamples.Unsubscribe, 0, firstByte);

        Assert.AreEqual((int)MqttError.ReservedFlags, (int)PacketBytes.Decode(packet), "[MQTT-3.10.1-1]");
    }

    [TestMethod]
    public void EncodesAndDecodesTheUnsubackExample()
    {
        byte[] buffer = PacketBytes.Room(PacketExamples.Unsuback.Length);

        PacketBytes.AssertWritten(PacketExamples.Unsuback, buffer, MqttEncoder.Ack(buffer, PacketBytes.At, MqttPacketType.Unsuback, 10));
        MqttPacket p = PacketBytes.DecodeValid(PacketExamples.Unsuback);
        Assert.AreEqual((int)MqttPacketType.Unsuback, (int)p.Type, "type");
        Assert.AreEqual(10, p.PacketId, "packet id");
    }

    [TestMethod]
    public void RefusesUnsubackPacketId0()
    {
        Assert.AreEqual((int)MqttError.ZeroPacketId, (int)PacketBytes.Decode(PacketBytes.Hex("B002 0000")), "[MQTT-2.3.1-1]");
    }

    [TestMethod]
    [DataRow("B001 0A", (int)MqttError.PacketTooShort)] // UNSUBACK with half an identifier
    [DataRow("B003 000A 00", (int)MqttError.PacketTooLong)] // UNSUBACK with a byte to spare
    public void RefusesAnUnsubackOfAnotherLength(string hex, int expected)
    {
        Assert.AreEqual(expected, (int)PacketBytes.Decode(PacketBytes.Hex(hex)), hex);
    }
}
