using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>PINGREQ, PINGRESP and DISCONNECT (MQTT 3.1.1 sections 3.12 to 3.14): a fixed header alone.</summary>
    public class HeaderOnlyPacketTests
    {
        internal static readonly byte[] Pingreq = { 0xC0, 0x00 };    // PINGREQ, remaining length 0
        internal static readonly byte[] Pingresp = { 0xD0, 0x00 };   // PINGRESP, remaining length 0
        internal static readonly byte[] Disconnect = { 0xE0, 0x00 }; // DISCONNECT, remaining length 0

        [Theory]
        [InlineData(MqttPacketType.Pingreq, 0xC0)]
        [InlineData(MqttPacketType.Pingresp, 0xD0)]
        [InlineData(MqttPacketType.Disconnect, 0xE0)]
        public void Encodes_and_decodes(MqttPacketType type, int firstByte)
        {
            byte[] expected = { (byte)firstByte, 0x00 };

            PacketBytes.Equal(expected, PacketBytes.Encoded((b, o) => MqttEncoder.Empty(b, o, type)));
            Assert.Equal(type, PacketBytes.DecodeValid(expected).Type);
        }

        [Theory]
        [InlineData(0xC0)]
        [InlineData(0xD0)]
        [InlineData(0xE0)]
        public void Refuses_a_body(int firstByte)
        {
            Assert.Equal(MqttError.PacketTooLong, PacketBytes.Decode(new byte[] { (byte)firstByte, 0x01, 0x00 }, new BrokerPacket()));
        }
    }
}
