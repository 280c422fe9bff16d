using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>
/// What Decode enforces for every packet type before it reads a body: the fixed header's flags and exact framing.
/// A packet that only a server receives is well framed but <see cref="MqttError.UnexpectedPacket"/> to the client.
/// </summary>
[TestClass]
public class FramingTests
{
    static bool ClientReceives(int type)
    {
        return type == (int)MqttPacketType.Connack || type == (int)MqttPacketType.Publish
            || (type >= (int)MqttPacketType.Puback && type <= (int)MqttPacketType.Pubcomp)
            || type == (int)MqttPacketType.Suback || type == (int)MqttPacketType.Unsuback
            || type == (int)MqttPacketType.Pingresp;
    }

    static MqttError WellFramed(int type) => ClientReceives(type) ? MqttError.None : MqttError.UnexpectedPacket;

    [TestMethod]
    [DataRow("CONNECT minimal")]
    [DataRow("CONNECT full")]
    [DataRow("CONNACK session present")]
    [DataRow("CONNACK not authorized")]
    [DataRow("PUBLISH QoS 0")]
    [DataRow("PUBLISH QoS 1")]
    [DataRow("PUBLISH QoS 2 retain dup")]
    [DataRow("PUBLISH retained empty")]
    [DataRow("PUBLISH multi-byte topic")]
    [DataRow("PUBACK")]
    [DataRow("PUBREC")]
    [DataRow("PUBREL")]
    [DataRow("PUBCOMP")]
    [DataRow("SUBSCRIBE")]
    [DataRow("SUBACK")]
    [DataRow("UNSUBSCRIBE")]
    [DataRow("UNSUBACK")]
    [DataRow("PINGREQ")]
    [DataRow("PINGRESP")]
    [DataRow("DISCONNECT")]
    public void EveryExampleHasItsFirstBytesType(string name)
    {
        byte[] packet = PacketExamples.Named(name);
        MqttPacket p = new MqttPacket();

        Assert.AreEqual((int)WellFramed(packet[0] >> 4), (int)PacketBytes.Decode(packet, p), name);
        Assert.AreEqual(packet[0] >> 4, (int)p.Type, name + " type");
        Assert.AreEqual(packet[0] & 0x0F, p.Flags, name + " flags");
    }

    /// <summary>Table 2.2: 0010 for PUBREL, SUBSCRIBE and UNSUBSCRIBE, 0000 for every other type but PUBLISH.</summary>
    [TestMethod]
    [DataRow("CONNECT minimal")]
    [DataRow("CONNECT full")]
    [DataRow("CONNACK session present")]
    [DataRow("CONNACK not authorized")]
    [DataRow("PUBACK")]
    [DataRow("PUBREC")]
    [DataRow("PUBREL")]
    [DataRow("PUBCOMP")]
    [DataRow("SUBSCRIBE")]
    [DataRow("SUBACK")]
    [DataRow("UNSUBSCRIBE")]
    [DataRow("UNSUBACK")]
    [DataRow("PINGREQ")]
    [DataRow("PINGRESP")]
    [DataRow("DISCONNECT")]
    public void EveryOtherFlagValueIsRefused(string name)
    {
        byte[] packet = PacketExamples.Named(name);
        int type = packet[0] >> 4;
        bool needsTwo = type == 6 || type == 8 || type == 10;
        for (int flags = 0; flags < 16; flags++)
        {
            byte[] altered = PacketBytes.With(packet, 0, (type << 4) | flags);
            bool valid = flags == (needsTwo ? 2 : 0);
            string what = name + " flags " + flags.ToString() + " [MQTT-2.2.2-1] [MQTT-2.2.2-2]";

            Assert.AreEqual(valid ? (int)WellFramed(type) : (int)MqttError.ReservedFlags, (int)PacketBytes.Decode(altered), what);
            Assert.AreEqual(valid ? (int)MqttError.None : (int)MqttError.ReservedFlags, (int)MqttDecoder.CheckFirstByte(altered[0]), what);
        }
    }

    [TestMethod]
    public void PublishFlagsRefusedOnlyForQos3OrDup()
    {
        for (int flags = 0; flags < 16; flags++)
        {
            bool dup = (flags & 8) != 0;
            int qos = (flags >> 1) & 3;
            // [MQTT-3.3.1-4] [MQTT-3.3.1-2]
            MqttError expected = qos == 3 ? MqttError.InvalidQos : (dup && qos == 0 ? MqttError.DupOnQos0 : MqttError.None);
            // A packet identifier is present whatever the QoS; at QoS 0 it reads as payload.
            byte[] packet = PacketBytes.Framed(0x30 | flags, PacketBytes.Hex("0003 612F62 0001 6869"));

            Assert.AreEqual((int)expected, (int)MqttDecoder.CheckFirstByte(packet[0]), "flags " + flags.ToString());
            Assert.AreEqual((int)expected, (int)PacketBytes.Decode(packet), "flags " + flags.ToString());
        }
    }

    [TestMethod]
    [DataRow(0x00)]
    [DataRow(0x02)]
    [DataRow(0x0F)]
    [DataRow(0xF0)]
    [DataRow(0xF2)]
    [DataRow(0xFF)]
    public void Types0And15AreRefused(int firstByte)
    {
        Assert.AreEqual((int)MqttError.UnknownPacketType, (int)MqttDecoder.CheckFirstByte(firstByte), "table 2.1");
        Assert.AreEqual((int)MqttError.UnknownPacketType, (int)PacketBytes.Decode(new byte[] { (byte)firstByte, 0x02, 0x00, 0x01 }), "table 2.1");
    }

    [TestMethod]
    [DataRow("CONNECT minimal")]
    [DataRow("CONNECT full")]
    [DataRow("CONNACK session present")]
    [DataRow("CONNACK not authorized")]
    [DataRow("PUBLISH QoS 0")]
    [DataRow("PUBLISH QoS 1")]
    [DataRow("PUBLISH QoS 2 retain dup")]
    [DataRow("PUBLISH retained empty")]
    [DataRow("PUBLISH multi-byte topic")]
    [DataRow("PUBACK")]
    [DataRow("PUBREC")]
    [DataRow("PUBREL")]
    [DataRow("PUBCOMP")]
    [DataRow("SUBSCRIBE")]
    [DataRow("SUBACK")]
    [DataRow("UNSUBSCRIBE")]
    [DataRow("UNSUBACK")]
    [DataRow("PINGREQ")]
    [DataRow("PINGRESP")]
    [DataRow("DISCONNECT")]
    public void EveryProperPrefixIsTooShort(string name)
    {
        byte[] packet = PacketExamples.Named(name);
        MqttPacket p = new MqttPacket();
        for (int count = 0; count < packet.Length; count++)
        {
            // Placed at the end of its array: a read past the prefix throws and fails the test.
            MqttError error = PacketBytes.Decode(PacketBytes.Slice(packet, 0, count), p);

            Assert.AreEqual((int)MqttError.PacketTooShort, (int)error, name + ": prefix of " + count.ToString());
        }
    }

    [TestMethod]
    [DataRow("CONNECT minimal")]
    [DataRow("CONNECT full")]
    [DataRow("CONNACK session present")]
    [DataRow("CONNACK not authorized")]
    [DataRow("PUBLISH QoS 0")]
    [DataRow("PUBLISH QoS 1")]
    [DataRow("PUBLISH QoS 2 retain dup")]
    [DataRow("PUBLISH retained empty")]
    [DataRow("PUBLISH multi-byte topic")]
    [DataRow("PUBACK")]
    [DataRow("PUBREC")]
    [DataRow("PUBREL")]
    [DataRow("PUBCOMP")]
    [DataRow("SUBSCRIBE")]
    [DataRow("SUBACK")]
    [DataRow("UNSUBSCRIBE")]
    [DataRow("UNSUBACK")]
    [DataRow("PINGREQ")]
    [DataRow("PINGRESP")]
    [DataRow("DISCONNECT")]
    public void BytesAfterThePacketAreTooLong(string name)
    {
        byte[] packet = PacketExamples.Named(name);
        for (int extra = 1; extra <= 3; extra++)
        {
            byte[] longer = PacketBytes.Concat(packet, new byte[extra]);

            Assert.AreEqual((int)MqttError.PacketTooLong, (int)PacketBytes.Decode(longer), name + " + " + extra.ToString());
        }
    }
}
