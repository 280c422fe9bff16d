using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>SUBSCRIBE and SUBACK, MQTT 3.1.1 sections 3.8 and 3.9.</summary>
    public class SubscribeTests
    {
        /// <summary>Figure 3.22's two filters, and a third with both wildcards.</summary>
        internal static readonly byte[] Subscribe =
        {
            0x82, 0x14,                   // SUBSCRIBE, flags 0010 [MQTT-3.8.1-1], remaining length 20
            0x00, 0x0A,                   // packet identifier 10
            0x00, 0x03, 0x61, 0x2F, 0x62, // filter "a/b"
            0x01,                         // requested QoS 1
            0x00, 0x03, 0x63, 0x2F, 0x64, // filter "c/d"
            0x02,                         // requested QoS 2
            0x00, 0x03, 0x2B, 0x2F, 0x23, // filter "+/#"
            0x00,                         // requested QoS 0
        };

        /// <summary>Figure 3.26's return codes: granted QoS 0, 1, 2, and failure.</summary>
        internal static readonly byte[] Suback =
        {
            0x90, 0x06,                   // SUBACK, remaining length 6
            0x00, 0x0A,                   // packet identifier 10
            0x00, 0x01, 0x02, 0x80,       // one return code per filter [MQTT-3.8.4-5], in order [MQTT-3.9.3-1]
        };

        [Fact]
        public void Encodes_the_subscribe_example()
        {
            byte[][] filters = { PacketBytes.Utf8("a/b"), PacketBytes.Utf8("c/d"), PacketBytes.Utf8("+/#") };
            MqttQos[] qos = { MqttQos.AtLeastOnce, MqttQos.ExactlyOnce, MqttQos.AtMostOnce };

            PacketBytes.Equal(Subscribe, PacketBytes.Encoded((b, o) => MqttEncoder.Subscribe(b, o, 10, filters, qos, 0, 3)));
        }

        [Fact]
        public void Encodes_only_the_given_run_of_filters()
        {
            byte[][] filters = { PacketBytes.Utf8("x"), PacketBytes.Utf8("a/b"), PacketBytes.Utf8("c/d"), PacketBytes.Utf8("+/#"), PacketBytes.Utf8("y") };
            MqttQos[] qos = { MqttQos.ExactlyOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce, MqttQos.AtMostOnce, MqttQos.ExactlyOnce };

            PacketBytes.Equal(Subscribe, PacketBytes.Encoded((b, o) => MqttEncoder.Subscribe(b, o, 10, filters, qos, 1, 3)));
        }

        [Fact]
        public void Decodes_the_subscribe_example()
        {
            BrokerPacket p = PacketBytes.DecodeValid(Subscribe);

            Assert.Equal(MqttPacketType.Subscribe, p.Type);
            Assert.Equal(10, p.PacketId);
            Assert.Equal(new[] { "a/b 1", "c/d 2", "+/# 0" }, Filters(p, true));
        }

        [Fact]
        public void Encodes_and_decodes_the_suback_example()
        {
            byte[] codes = { 0xEE, 0x00, 0x01, 0x02, 0x80, 0xEE };

            PacketBytes.Equal(Suback, PacketBytes.Encoded((b, o) => BrokerEncoder.Suback(b, o, 10, codes, 1, 4)));
            BrokerPacket p = PacketBytes.DecodeValid(Suback);
            Assert.Equal(MqttPacketType.Suback, p.Type);
            Assert.Equal(10, p.PacketId);
            Assert.Equal(new byte[] { 0x00, 0x01, 0x02, 0x80 }, PacketBytes.Slice(p.Buffer, p.PayloadOffset, p.PayloadLength));
        }

        [Fact]
        public void Refuses_a_subscribe_without_filters_MQTT_3_8_3_3()
        {
            Assert.Equal(MqttError.EmptySubscription, PacketBytes.Decode(Padded.Hex("8202 000A"), new BrokerPacket()));
        }

        [Theory]
        [InlineData(0x03, MqttError.InvalidQos)]
        [InlineData(0x04, MqttError.ReservedFlags)]
        [InlineData(0x41, MqttError.ReservedFlags)]
        [InlineData(0x80, MqttError.ReservedFlags)]
        [InlineData(0xFE, MqttError.ReservedFlags)]
        public void Refuses_reserved_bits_or_qos_3_in_a_requested_qos_MQTT_3_8_3_4(int requested, MqttError expected)
        {
            byte[] packet = ConnectTests.With(Subscribe, 15, requested); // the second filter's QoS byte

            Assert.Equal(expected, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData(0x80)]
        [InlineData(0x81)]
        [InlineData(0x83)]
        [InlineData(0x8A)]
        public void Refuses_subscribe_flags_other_than_0010_MQTT_3_8_1_1(int firstByte)
        {
            Assert.Equal(MqttError.ReservedFlags, PacketBytes.Decode(ConnectTests.With(Subscribe, 0, firstByte), new BrokerPacket()));
        }

        [Theory]
        [InlineData("82")]
        [InlineData("90")]
        public void Refuses_packet_identifier_0_MQTT_2_3_1_1(string firstByte)
        {
            byte[] packet = Padded.Hex(firstByte + "06 0000 0001 61 00");

            Assert.Equal(MqttError.ZeroPacketId, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData("a/b#", MqttError.InvalidTopicFilter, "[MQTT-4.7.1-2]")]
        [InlineData("a/#/b", MqttError.InvalidTopicFilter, "[MQTT-4.7.1-2]")]
        [InlineData("a+", MqttError.InvalidTopicFilter, "[MQTT-4.7.1-3]")]
        [InlineData("", MqttError.EmptyTopic, "[MQTT-4.7.3-1]")]
        [InlineData("a\0", MqttError.InvalidUtf8, "[MQTT-1.5.3-2]")]
        public void Refuses_a_filter_that_is_not_a_topic_filter(string filter, MqttError expected, string rule)
        {
            byte[] packet = PacketBytes.Framed(0x82, PacketBytes.Concat(
                new byte[] { 0x00, 0x0A }, PacketBytes.Prefixed(PacketBytes.Utf8("ok")), new byte[] { 0x01 },
                PacketBytes.Prefixed(PacketBytes.Utf8(filter)), new byte[] { 0x01 }));

            Assert.True(expected == PacketBytes.Decode(packet, new BrokerPacket()), rule);
        }

        [Theory]
        [InlineData("C0AF", "overlong '/' [MQTT-1.5.3-1]")]
        [InlineData("EDA080", "encoded surrogate [MQTT-1.5.3-1]")]
        [InlineData("612F80", "lone continuation byte [MQTT-1.5.3-1]")]
        public void Refuses_a_filter_that_is_not_UTF8_MQTT_1_5_3_1(string hex, string rule)
        {
            byte[] packet = PacketBytes.Framed(0x82, PacketBytes.Concat(
                new byte[] { 0x00, 0x0A }, PacketBytes.Prefixed(Convert.FromHexString(hex)), new byte[] { 0x00 }));

            Assert.True(MqttError.InvalidUtf8 == PacketBytes.Decode(packet, new BrokerPacket()), rule);
        }

        [Theory]
        [InlineData("8201 00", "half a packet identifier")]
        [InlineData("8205 000A 0003 61", "filter length past the end")]
        [InlineData("8205 000A 0001 61", "filter without its QoS byte")]
        [InlineData("8209 000A 0001 61 01 0001 62", "second filter without its QoS byte")]
        [InlineData("8207 000A 0001 61 01 00", "half a second filter length")]
        public void Refuses_a_subscribe_cut_short(string hex, string what)
        {
            Assert.True(MqttError.PacketTooShort == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
        }

        [Theory]
        [InlineData(0x03)]
        [InlineData(0x7F)]
        [InlineData(0x81)]
        [InlineData(0xFF)]
        public void Refuses_a_suback_code_other_than_0_1_2_or_0x80_MQTT_3_9_3_2(int code)
        {
            byte[] packet = ConnectTests.With(Suback, 6, code);

            Assert.Equal(MqttError.UnknownSubackCode, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData("9002 000A", MqttError.EmptySubscription, "no return code: SUBACK answers at least one filter")]
        [InlineData("9001 00", MqttError.PacketTooShort, "half a packet identifier")]
        [InlineData("9000", MqttError.PacketTooShort, "no packet identifier")]
        public void Refuses_a_suback_without_return_codes(string hex, MqttError expected, string what)
        {
            Assert.True(expected == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
        }

        /// <summary>The filters of a decoded SUBSCRIBE or UNSUBSCRIBE, read from its payload region.</summary>
        internal static List<string> Filters(BrokerPacket p, bool withQos)
        {
            List<string> filters = new List<string>();
            int at = p.PayloadOffset;
            int end = p.PayloadOffset + p.PayloadLength;
            while (at < end)
            {
                int length = BigEndian.ReadUInt16(p.Buffer, at);
                string filter = PacketBytes.Text(p.Buffer, at + 2, length);
                at += 2 + length;
                if (withQos)
                {
                    filter += " " + p.Buffer[at];
                    at++;
                }

                filters.Add(filter);
            }

            Assert.Equal(end, at);
            return filters;
        }
    }
}
