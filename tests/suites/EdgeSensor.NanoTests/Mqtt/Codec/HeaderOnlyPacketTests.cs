using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>PINGREQ, PINGRESP and DISCONNECT (MQTT 3.1.1 sections 3.12 to 3.14): a fixed header alone.</summary>
[TestClass]
public class HeaderOnlyPacketTests
{
    [TestMethod]
    [DataRow((int)MqttPacketType.Pingreq, 0xC0)]
    [DataRow((int)MqttPacketType.Pingresp, 0xD0)]
    [DataRow((int)MqttPacketType.Disconnect, 0xE0)]
    public void EncodesTheFixedHeaderAlone(int type, int firstByte)
    {
        byte[] buffer = PacketBytes.Room(2);

        PacketBytes.AssertWritten(new byte[] { (byte)firstByte, 0x00 }, buffer, MqttEncoder.Empty(buffer, PacketBytes.At, (MqttPacketType)type));
    }

    [TestMethod]
    public void DecodesAPingresp()
    {
        Assert.AreEqual((int)MqttPacketType.Pingresp, (int)PacketBytes.DecodeValid(PacketExamples.Pingresp).Type, "PINGRESP");
    }

    [TestMethod]
    public void RefusesAPingrespWithABody()
    {
        Assert.AreEqual((int)MqttError.PacketTooLong, (int)PacketBytes.Decode(new byte[] { 0xD0, 0x01, 0x00 }), "section 3.13");
    }
}
