using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>CONNACK, MQTT 3.1.1 section 3.2.</summary>
    public class ConnackTests
    {
        internal static readonly byte[] SessionPresent =
        {
            0x20, 0x02, // CONNACK, remaining length 2
            0x01,       // acknowledge flags: session present
            0x00,       // return code 0, accepted
        };

        internal static readonly byte[] NotAuthorized =
        {
            0x20, 0x02, // CONNACK, remaining length 2
            0x00,       // no session present [MQTT-3.2.2-4]
            0x05,       // return code 5, not authorized
        };

        [Theory]
        [InlineData(false, 0, MqttConnectReturnCode.Accepted)]
        [InlineData(true, 0, MqttConnectReturnCode.Accepted)]
        [InlineData(false, 1, MqttConnectReturnCode.UnacceptableProtocolVersion)]
        [InlineData(false, 2, MqttConnectReturnCode.IdentifierRejected)]
        [InlineData(false, 3, MqttConnectReturnCode.ServerUnavailable)]
        [InlineData(false, 4, MqttConnectReturnCode.BadUserNameOrPassword)]
        [InlineData(false, 5, MqttConnectReturnCode.NotAuthorized)]
        public void Every_return_code_of_table_3_1_encodes_and_decodes(bool sessionPresent, int value, MqttConnectReturnCode code)
        {
            byte[] expected = { 0x20, 0x02, (byte)(sessionPresent ? 0x01 : 0x00), (byte)value };

            PacketBytes.Equal(expected, PacketBytes.Encoded((b, o) => BrokerEncoder.Connack(b, o, sessionPresent, code)));
            BrokerPacket p = PacketBytes.DecodeValid(expected);
            Assert.Equal(MqttPacketType.Connack, p.Type);
            Assert.Equal(sessionPresent, p.SessionPresent);
            Assert.Equal(code, p.ReturnCode);
        }

        [Fact]
        public void Decodes_the_examples()
        {
            BrokerPacket present = PacketBytes.DecodeValid(SessionPresent);
            Assert.True(present.SessionPresent);
            Assert.Equal(MqttConnectReturnCode.Accepted, present.ReturnCode);

            BrokerPacket refused = PacketBytes.DecodeValid(NotAuthorized);
            Assert.False(refused.SessionPresent);
            Assert.Equal(MqttConnectReturnCode.NotAuthorized, refused.ReturnCode);
        }

        [Theory]
        [InlineData(6)]
        [InlineData(0x7F)]
        [InlineData(0x80)]
        [InlineData(0xFF)]
        public void Refuses_a_return_code_above_5_table_3_1(int code)
        {
            byte[] packet = { 0x20, 0x02, 0x00, (byte)code };

            Assert.Equal(MqttError.UnknownConnackCode, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData(0x02)]
        [InlineData(0x03)]
        [InlineData(0x80)]
        [InlineData(0xFE)]
        public void Refuses_reserved_acknowledge_flags_section_3_2_2_1(int flags)
        {
            byte[] packet = { 0x20, 0x02, (byte)flags, 0x00 };

            Assert.Equal(MqttError.ReservedFlags, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData("2001 00", MqttError.PacketTooShort)]
        [InlineData("2003 000000", MqttError.PacketTooLong)]
        public void Refuses_a_remaining_length_other_than_2(string hex, MqttError expected)
        {
            Assert.Equal(expected, PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()));
        }
    }
}
