using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>UNSUBSCRIBE and UNSUBACK, MQTT 3.1.1 sections 3.10 and 3.11.</summary>
    public class UnsubscribeTests
    {
        /// <summary>Figure 3.28's filters.</summary>
        internal static readonly byte[] Unsubscribe =
        {
            0xA2, 0x0C,                   // UNSUBSCRIBE, flags 0010 [MQTT-3.10.1-1], remaining length 12
            0x00, 0x0A,                   // packet identifier 10
            0x00, 0x03, 0x61, 0x2F, 0x62, // filter "a/b"
            0x00, 0x03, 0x63, 0x2F, 0x64, // filter "c/d"
        };

        internal static readonly byte[] Unsuback =
        {
            0xB0, 0x02,                   // UNSUBACK, remaining length 2
            0x00, 0x0A,                   // packet identifier 10
        };

        [Fact]
        public void Encodes_the_unsubscribe_example_from_a_run_of_filters()
        {
            byte[][] filters = { PacketBytes.Utf8("x"), PacketBytes.Utf8("a/b"), PacketBytes.Utf8("c/d"), PacketBytes.Utf8("y") };

            PacketBytes.Equal(Unsubscribe, PacketBytes.Encoded((b, o) => MqttEncoder.Unsubscribe(b, o, 10, filters, 1, 2)));
        }

        [Fact]
        public void Decodes_the_unsubscribe_example()
        {
            BrokerPacket p = PacketBytes.DecodeValid(Unsubscribe);

            Assert.Equal(MqttPacketType.Unsubscribe, p.Type);
            Assert.Equal(10, p.PacketId);
            Assert.Equal(new[] { "a/b", "c/d" }, SubscribeTests.Filters(p, false));
        }

        [Fact]
        public void Encodes_and_decodes_the_unsuback_example()
        {
            PacketBytes.Equal(Unsuback, PacketBytes.Encoded((b, o) => MqttEncoder.Ack(b, o, MqttPacketType.Unsuback, 10)));
            BrokerPacket p = PacketBytes.DecodeValid(Unsuback);
            Assert.Equal(MqttPacketType.Unsuback, p.Type);
            Assert.Equal(10, p.PacketId);
        }

        [Fact]
        public void Refuses_an_unsubscribe_without_filters_MQTT_3_10_3_2()
        {
            Assert.Equal(MqttError.EmptySubscription, PacketBytes.Decode(Padded.Hex("A202 000A"), new BrokerPacket()));
        }

        [Theory]
        [InlineData(0xA0)]
        [InlineData(0xA3)]
        [InlineData(0xAA)]
        public void Refuses_unsubscribe_flags_other_than_0010_MQTT_3_10_1_1(int firstByte)
        {
            Assert.Equal(MqttError.ReservedFlags, PacketBytes.Decode(ConnectTests.With(Unsubscribe, 0, firstByte), new BrokerPacket()));
        }

        [Theory]
        [InlineData("A205 0000 000161", "UNSUBSCRIBE")]
        [InlineData("B002 0000", "UNSUBACK")]
        public void Refuses_packet_identifier_0_MQTT_2_3_1_1(string hex, string what)
        {
            Assert.True(MqttError.ZeroPacketId == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
        }

        [Theory]
        [InlineData("A206 000A 00022B2B", MqttError.InvalidTopicFilter, "[MQTT-4.7.1-3]")]
        [InlineData("A204 000A 0000", MqttError.EmptyTopic, "[MQTT-4.7.3-1]")]
        [InlineData("A205 000A 000100", MqttError.InvalidUtf8, "[MQTT-1.5.3-2]")]
        [InlineData("A206 000A 0002C0AF", MqttError.InvalidUtf8, "[MQTT-1.5.3-1]")]
        public void Refuses_a_filter_that_is_not_a_topic_filter(string hex, MqttError expected, string rule)
        {
            Assert.True(expected == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), rule);
        }

        [Theory]
        [InlineData("A201 00", MqttError.PacketTooShort, "half a packet identifier")]
        [InlineData("A205 000A 0003 61", MqttError.PacketTooShort, "filter length past the end")]
        [InlineData("A206 000A 0001 61 00", MqttError.PacketTooShort, "half a second filter length")]
        [InlineData("B001 0A", MqttError.PacketTooShort, "UNSUBACK with half an identifier")]
        [InlineData("B003 000A 00", MqttError.PacketTooLong, "UNSUBACK with a byte to spare")]
        public void Refuses_wrong_lengths(string hex, MqttError expected, string what)
        {
            Assert.True(expected == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
        }
    }
}
