using System;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>What Decode enforces for every packet type: the fixed header's flags, and exact framing.</summary>
    public class FramingTests
    {
        [Theory]
        [MemberData(nameof(ExamplePackets.All), MemberType = typeof(ExamplePackets))]
        public void Every_example_decodes_as_the_type_of_its_first_byte(string name, byte[] packet)
        {
            BrokerPacket p = new BrokerPacket();

            Assert.True(MqttError.None == PacketBytes.Decode(packet, p), name);
            Assert.Equal((MqttPacketType)(packet[0] >> 4), p.Type);
            Assert.Equal(packet[0] & 0x0F, p.Flags);
        }

        [Theory]
        [MemberData(nameof(ExamplePackets.All), MemberType = typeof(ExamplePackets))]
        public void Every_other_flag_value_is_refused_except_on_publish_MQTT_2_2_2_1_and_MQTT_2_2_2_2(string name, byte[] packet)
        {
            int type = packet[0] >> 4;
            if (type == (int)MqttPacketType.Publish)
            {
                return; // PUBLISH's flags carry DUP, QoS and RETAIN: see the test below.
            }

            // Table 2.2: 0010 for PUBREL, SUBSCRIBE and UNSUBSCRIBE, 0000 for every other type.
            bool needsTwo = type == 6 || type == 8 || type == 10;
            for (int flags = 0; flags < 16; flags++)
            {
                byte[] altered = ConnectTests.With(packet, 0, (type << 4) | flags);
                bool valid = flags == (needsTwo ? 2 : 0);
                MqttError expected = valid ? MqttError.None : MqttError.ReservedFlags;

                Assert.True(expected == PacketBytes.Decode(altered, new BrokerPacket()), name + " flags " + flags);
                Assert.True(expected == MqttDecoder.CheckFirstByte(altered[0]), name + " flags " + flags);
            }
        }

        [Fact]
        public void Publish_flags_are_refused_only_for_qos_3_MQTT_3_3_1_4_and_dup_on_qos_0_MQTT_3_3_1_2()
        {
            for (int flags = 0; flags < 16; flags++)
            {
                bool dup = (flags & 8) != 0;
                int qos = (flags >> 1) & 3;
                MqttError expected = qos == 3 ? MqttError.InvalidQos : (dup && qos == 0 ? MqttError.DupOnQos0 : MqttError.None);
                // A packet identifier is present whatever the QoS; at QoS 0 it reads as payload.
                byte[] packet = PacketBytes.Framed(0x30 | flags, Padded.Hex("0003 612F62 0001 6869"));

                Assert.True(expected == MqttDecoder.CheckFirstByte(packet[0]), "flags " + flags);
                Assert.True(expected == PacketBytes.Decode(packet, new BrokerPacket()), "flags " + flags);
            }
        }

        [Theory]
        [InlineData(0x00)]
        [InlineData(0x02)]
        [InlineData(0x0F)]
        [InlineData(0xF0)]
        [InlineData(0xF2)]
        [InlineData(0xFF)]
        public void Types_0_and_15_are_refused_table_2_1(int firstByte)
        {
            Assert.Equal(MqttError.UnknownPacketType, MqttDecoder.CheckFirstByte(firstByte));
            Assert.Equal(MqttError.UnknownPacketType, PacketBytes.Decode(new byte[] { (byte)firstByte, 0x02, 0x00, 0x01 }, new BrokerPacket()));
        }

        [Theory]
        [MemberData(nameof(ExamplePackets.All), MemberType = typeof(ExamplePackets))]
        public void Every_proper_prefix_is_too_short(string name, byte[] packet)
        {
            AssertEveryPrefixIsTooShort(name, packet);
        }

        [Theory]
        [MemberData(nameof(ExamplePackets.All), MemberType = typeof(ExamplePackets))]
        public void Bytes_after_the_packet_are_too_long(string name, byte[] packet)
        {
            for (int extra = 1; extra <= 3; extra++)
            {
                byte[] longer = PacketBytes.Concat(packet, new byte[extra]);
                byte[] buffer = PacketBytes.Placed(longer);

                MqttError error = BrokerDecoder.Decode(buffer, PacketBytes.Lead, longer.Length, new BrokerPacket());

                Assert.True(error == MqttError.PacketTooLong, name + " + " + extra + ": " + error);
            }
        }

        [Fact]
        public void Every_proper_prefix_of_random_packets_is_too_short()
        {
            Random random = new Random(31337);
            for (int round = 0; round < 1500; round++)
            {
                PacketCase packet = RandomPackets.Next(random, 48);
                AssertEveryPrefixIsTooShort(packet.ToString(), packet.ToBytes());
            }
        }

        [Fact]
        public void A_packet_is_decoded_where_it_is_and_neighbours_are_left_alone()
        {
            // Two packets back to back: each is decoded from its own range only.
            byte[] both = PacketBytes.Concat(PublishTests.Qos1, PublishAckTests.Puback);
            BrokerPacket p = new BrokerPacket();

            Assert.Equal(MqttError.None, BrokerDecoder.Decode(both, 0, PublishTests.Qos1.Length, p));
            Assert.Equal(MqttPacketType.Publish, p.Type);
            Assert.Equal(PublishTests.Qos1.Length - 2, p.PayloadOffset);
            Assert.Equal(2, p.PayloadLength);
            Assert.Equal(MqttError.None, BrokerDecoder.Decode(both, PublishTests.Qos1.Length, PublishAckTests.Puback.Length, p));
            Assert.Equal(MqttPacketType.Puback, p.Type);
            Assert.Equal(10, p.PacketId);
        }

        private static void AssertEveryPrefixIsTooShort(string name, byte[] packet)
        {
            BrokerPacket p = new BrokerPacket();
            for (int count = 0; count < packet.Length; count++)
            {
                // Placed at the end of its array: a read past the prefix throws and fails the test.
                byte[] buffer = PacketBytes.Placed(packet.AsSpan(0, count).ToArray());

                MqttError error = BrokerDecoder.Decode(buffer, PacketBytes.Lead, count, p);

                if (error != MqttError.PacketTooShort)
                {
                    Assert.Fail(name + ": prefix of " + count + " of " + packet.Length + " bytes gave " + error);
                }
            }
        }
    }
}
