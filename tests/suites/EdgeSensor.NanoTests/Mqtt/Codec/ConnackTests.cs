using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>CONNACK, MQTT 3.1.1 section 3.2, as the client decodes it.</summary>
[TestClass]
public class ConnackTests
{
    [TestMethod]
    [DataRow(false, 0)]
    [DataRow(true, 0)]
    [DataRow(false, 1)]
    [DataRow(false, 2)]
    [DataRow(false, 3)]
    [DataRow(false, 4)]
    [DataRow(false, 5)]
    public void EveryReturnCodeOfTable31Decodes(bool sessionPresent, int code)
    {
        MqttPacket p = PacketBytes.DecodeValid(new byte[] { 0x20, 0x02, (byte)(sessionPresent ? 0x01 : 0x00), (byte)code });

        Assert.AreEqual((int)MqttPacketType.Connack, (int)p.Type, "type");
        Assert.AreEqual(sessionPresent, p.SessionPresent, "session present");
        Assert.AreEqual(code, (int)p.ReturnCode, "return code");
    }

    [TestMethod]
    public void DecodesTheSessionPresentExample()
    {
        MqttPacket p = PacketBytes.DecodeValid(PacketExamples.ConnackSessionPresent);

        Assert.IsTrue(p.SessionPresent, "session present");
        Assert.AreEqual((int)MqttConnectReturnCode.Accepted, (int)p.ReturnCode, "accepted");
    }

    [TestMethod]
    public void DecodesTheNotAuthorizedExample()
    {
        MqttPacket p = PacketBytes.DecodeValid(PacketExamples.ConnackNotAuthorized);

        Assert.IsFalse(p.SessionPresent, "[MQTT-3.2.2-4]");
        Assert.AreEqual((int)MqttConnectReturnCode.NotAuthorized, (int)p.ReturnCode, "not authorized");
    }

    [TestMethod]
    [DataRow(6)]
    [DataRow(0x7F)]
    [DataRow(0x80)]
    [DataRow(0xFF)]
    public void RefusesAReturnCodeAbove5Table31(int code)
    {
        byte[] packet = new byte[] { 0x20, 0x02, 0x00, (byte)code };

        Assert.AreEqual((int)MqttError.UnknownConnackCode, (int)PacketBytes.Decode(packet), "table 3.1");
    }

    [TestMethod]
    [DataRow(0x02)]
    [DataRow(0x03)]
    [DataRow(0x80)]
    [DataRow(0xFE)]
    public void RefusesReservedAcknowledgeFlags(int flags)
    {
        byte[] packet = new byte[] { 0x20, 0x02, (byte)flags, 0x00 };

        Assert.AreEqual((int)MqttError.ReservedFlags, (int)PacketBytes.Decode(packet), "3.2.2.1: bits 7-1 reserved");
    }

    [TestMethod]
    [DataRow("2001 00", (int)MqttError.PacketTooShort)]
    [DataRow("2003 000000", (int)MqttError.PacketTooLong)]
    public void RefusesARemainingLengthOtherThan2(string hex, int expected)
    {
        Assert.AreEqual(expected, (int)PacketBytes.Decode(PacketBytes.Hex(hex)), hex);
    }
}
