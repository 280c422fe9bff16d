using System;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>PUBACK, PUBREC, PUBREL and PUBCOMP (MQTT 3.1.1 sections 3.4 to 3.7): a packet identifier each.</summary>
    public class PublishAckTests
    {
        internal static readonly byte[] Puback =
        {
            0x40, 0x02, // PUBACK, remaining length 2
            0x00, 0x0A, // packet identifier 10
        };

        internal static readonly byte[] Pubrec =
        {
            0x50, 0x02, // PUBREC, remaining length 2
            0x00, 0x0A, // packet identifier 10
        };

        internal static readonly byte[] Pubrel =
        {
            0x62, 0x02, // PUBREL, flags 0010 [MQTT-3.6.1-1], remaining length 2
            0x00, 0x0A, // packet identifier 10
        };

        internal static readonly byte[] Pubcomp =
        {
            0x70, 0x02, // PUBCOMP, remaining length 2
            0x00, 0x0A, // packet identifier 10
        };

        [Theory]
        [InlineData(MqttPacketType.Puback)]
        [InlineData(MqttPacketType.Pubrec)]
        [InlineData(MqttPacketType.Pubrel)]
        [InlineData(MqttPacketType.Pubcomp)]
        public void Encodes_and_decodes_the_examples(MqttPacketType type)
        {
            byte[] expected = Example(type);

            PacketBytes.Equal(expected, PacketBytes.Encoded((b, o) => MqttEncoder.Ack(b, o, type, 10)));
            BrokerPacket p = PacketBytes.DecodeValid(expected);
            Assert.Equal(type, p.Type);
            Assert.Equal(10, p.PacketId);
        }

        [Theory]
        [InlineData(MqttPacketType.Puback, 1, "0001")]
        [InlineData(MqttPacketType.Pubrec, 0x1234, "1234")]
        [InlineData(MqttPacketType.Pubrel, 0xFF00, "FF00")]
        [InlineData(MqttPacketType.Pubcomp, 65535, "FFFF")]
        public void Packet_identifiers_are_big_endian(MqttPacketType type, int packetId, string idHex)
        {
            byte[] expected = PacketBytes.Concat(PacketBytes.Slice(Example(type), 0, 2), Convert.FromHexString(idHex));

            PacketBytes.Equal(expected, PacketBytes.Encoded((b, o) => MqttEncoder.Ack(b, o, type, packetId)));
            Assert.Equal(packetId, PacketBytes.DecodeValid(expected).PacketId);
        }

        [Theory]
        [InlineData(MqttPacketType.Puback)]
        [InlineData(MqttPacketType.Pubrec)]
        [InlineData(MqttPacketType.Pubrel)]
        [InlineData(MqttPacketType.Pubcomp)]
        public void Refuses_packet_identifier_0_MQTT_2_3_1_1(MqttPacketType type)
        {
            byte[] packet = PacketBytes.Concat(PacketBytes.Slice(Example(type), 0, 2), new byte[] { 0x00, 0x00 });

            Assert.Equal(MqttError.ZeroPacketId, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData(MqttPacketType.Puback)]
        [InlineData(MqttPacketType.Pubrec)]
        [InlineData(MqttPacketType.Pubrel)]
        [InlineData(MqttPacketType.Pubcomp)]
        public void Refuses_a_remaining_length_other_than_2(MqttPacketType type)
        {
            byte firstByte = Example(type)[0];

            Assert.Equal(MqttError.PacketTooShort, PacketBytes.Decode(new byte[] { firstByte, 0x00 }, new BrokerPacket()));
            Assert.Equal(MqttError.PacketTooShort, PacketBytes.Decode(new byte[] { firstByte, 0x01, 0x0A }, new BrokerPacket()));
            Assert.Equal(MqttError.PacketTooLong, PacketBytes.Decode(new byte[] { firstByte, 0x03, 0x00, 0x0A, 0x00 }, new BrokerPacket()));
        }

        [Fact]
        public void Pubrel_without_its_0010_flags_is_refused_MQTT_3_6_1_1()
        {
            Assert.Equal(MqttError.ReservedFlags, PacketBytes.Decode(new byte[] { 0x60, 0x02, 0x00, 0x0A }, new BrokerPacket()));
        }

        [Fact]
        public void Puback_with_pubrel_flags_is_refused_MQTT_2_2_2_2()
        {
            Assert.Equal(MqttError.ReservedFlags, PacketBytes.Decode(new byte[] { 0x42, 0x02, 0x00, 0x0A }, new BrokerPacket()));
        }

        internal static byte[] Example(MqttPacketType type)
        {
            switch (type)
            {
                case MqttPacketType.Puback: return Puback;
                case MqttPacketType.Pubrec: return Pubrec;
                case MqttPacketType.Pubrel: return Pubrel;
                default: return Pubcomp;
            }
        }
    }
}
