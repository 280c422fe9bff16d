using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>PUBACK, PUBREC, PUBREL and PUBCOMP (MQTT 3.1.1 sections 3.4 to 3.7): a packet identifier each.</summary>
[TestClass]
public class PublishAckTests
{
    internal static byte[] Example(int type)
    {
        switch (type)
        {
            case (int)MqttPacketType.Puback: return PacketExamples.Puback;
            case (int)MqttPacketType.Pubrec: return PacketExamples.Pubrec;
            case (int)MqttPacketType.Pubrel: return PacketExamples.Pubrel;
            default: return PacketExamples.Pubcomp;
        }
    }

    [TestMethod]
    [DataRow((int)MqttPacketType.Puback)]
    [DataRow((int)MqttPacketType.Pubrec)]
    [DataRow((int)MqttPacketType.Pubrel)]
    [DataRow((int)MqttPacketType.Pubcomp)]
    public void EncodesAndDecodesTheExamples(int type)
    {
        byte[] expected = Example(type);
        byte[] buffer = PacketBytes.Room(expected.Length);

        PacketBytes.AssertWritten(expected, buffer, MqttEncoder.Ack(buffer, PacketBytes.At, (MqttPacketType)type, 10));
        MqttPacket p = PacketBytes.DecodeValid(expected);
        Assert.AreEqual(type, (int)p.Type, "type");
        Assert.AreEqual(10, p.PacketId, "packet id");
    }

    [TestMethod]
    [DataRow((int)MqttPacketType.Puback, 1, "0001")]
    [DataRow((int)MqttPacketType.Pubrec, 0x1234, "1234")]
    [DataRow((int)MqttPacketType.Pubrel, 0xFF00, "FF00")]
    [DataRow((int)MqttPacketType.Pubcomp, 65535, "FFFF")]
    public void PacketIdentifiersAreBigEndian(int type, int packetId, string idHex)
    {
        byte[] expected = PacketBytes.Concat(PacketBytes.Slice(Example(type), 0, 2), PacketBytes.Hex(idHex));
        byte[] buffer = PacketBytes.Room(expected.Length);

        PacketBytes.AssertWritten(expected, buffer, MqttEncoder.Ack(buffer, PacketBytes.At, (MqttPacketType)type, packetId));
        Assert.AreEqual(packetId, PacketBytes.DecodeValid(expected).PacketId, "packet id");
    }

    [TestMethod]
    [DataRow((int)MqttPacketType.Puback)]
    [DataRow((int)MqttPacketType.Pubrec)]
    [DataRow((int)MqttPacketType.Pubrel)]
    [DataRow((int)MqttPacketType.Pubcomp)]
    public void RefusesPacketIdentifier0(int type)
    {
        byte[] packet = PacketBytes.Concat(PacketBytes.Slice(Example(type), 0, 2), new byte[] { 0x00, 0x00 });

        Assert.AreEqual((int)MqttError.ZeroPacketId, (int)PacketBytes.Decode(packet), "[MQTT-2.3.1-1]");
    }

    [TestMethod]
    [DataRow((int)MqttPacketType.Puback)]
    [DataRow((int)MqttPacketType.Pubrec)]
    [DataRow((int)MqttPacketType.Pubrel)]
    [DataRow((int)MqttPacketType.Pubcomp)]
    public void RefusesARemainingLengthOtherThan2(int type)
    {
        byte firstByte = Example(type)[0];

        Assert.AreEqual((int)MqttError.PacketTooShort, (int)PacketBytes.Decode(new byte[] { firstByte, 0x00 }), "0");
        Assert.AreEqual((int)MqttError.PacketTooShort, (int)PacketBytes.Decode(new byte[] { firstByte, 0x01, 0x0A }), "1");
        Assert.AreEqual((int)MqttError.PacketTooLong, (int)PacketBytes.Decode(new byte[] { firstByte, 0x03, 0x00, 0x0A, 0x00 }), "3");
    }

    [TestMethod]
    public void PubrelWithoutIts0010FlagsIsRefused()
    {
        Assert.AreEqual((int)MqttError.ReservedFlags, (int)PacketBytes.Decode(PacketBytes.Hex("6002000A")), "[MQTT-3.6.1-1]");
    }

    [TestMethod]
    public void PubackWithPubrelFlagsIsRefused()
    {
        Assert.AreEqual((int)MqttError.ReservedFlags, (int)PacketBytes.Decode(PacketBytes.Hex("4202000A")), "[MQTT-2.2.2-2]");
    }
}
