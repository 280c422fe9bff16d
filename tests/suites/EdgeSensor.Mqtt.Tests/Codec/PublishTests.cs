using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>PUBLISH, MQTT 3.1.1 section 3.3: both encoders, Decode, DecodePublishHeader, and the refusals.</summary>
    public class PublishTests
    {
        internal static readonly byte[] Qos0 =
        {
            0x30, 0x07,                   // PUBLISH, QoS 0, remaining length 7
            0x00, 0x03, 0x61, 0x2F, 0x62, // topic name "a/b"
            0x68, 0x69,                   // payload "hi" (no packet identifier at QoS 0 [MQTT-2.3.1-5])
        };

        /// <summary>Figure 3.11's variable header: topic "a/b", packet identifier 10.</summary>
        internal static readonly byte[] Qos1 =
        {
            0x32, 0x09,                   // PUBLISH, QoS 1, remaining length 9
            0x00, 0x03, 0x61, 0x2F, 0x62, // topic name "a/b"
            0x00, 0x0A,                   // packet identifier 10
            0x68, 0x69,                   // payload "hi"
        };

        internal static readonly byte[] Qos2RetainDup =
        {
            0x3D, 0x09,                   // PUBLISH, DUP, QoS 2, RETAIN: 0011 1101
            0x00, 0x03, 0x61, 0x2F, 0x62, // topic name "a/b"
            0xFF, 0xFF,                   // packet identifier 65535
            0x68, 0x69,                   // payload "hi"
        };

        internal static readonly byte[] RetainedEmptyPayload =
        {
            0x31, 0x05,                   // PUBLISH, QoS 0, RETAIN, remaining length 5
            0x00, 0x03, 0x61, 0x2F, 0x62, // topic name "a/b"; no payload: a retained empty message clears [MQTT-3.3.1-10]
        };

        internal static readonly byte[] MultiByteTopic =
        {
            0x32, 0x0C,                   // PUBLISH, QoS 1, remaining length 12
            0x00, 0x08,                   // topic name: 8 bytes
            0xE2, 0x82, 0xAC,             // €
            0x2F,                         // /
            0xF0, 0x9F, 0x98, 0x80,       // 😀
            0x12, 0x34,                   // packet identifier 0x1234
        };

        private static readonly byte[] Hi = { 0x68, 0x69 };

        [Fact]
        public void Encodes_the_examples_with_both_topic_forms()
        {
            PacketBytes.Equal(Qos0, EncodeBoth("a/b", 0, MqttQos.AtMostOnce, false, false, Hi));
            PacketBytes.Equal(Qos1, EncodeBoth("a/b", 10, MqttQos.AtLeastOnce, false, false, Hi));
            PacketBytes.Equal(Qos2RetainDup, EncodeBoth("a/b", 65535, MqttQos.ExactlyOnce, true, true, Hi));
            PacketBytes.Equal(RetainedEmptyPayload, EncodeBoth("a/b", 0, MqttQos.AtMostOnce, true, false, new byte[0]));
            PacketBytes.Equal(MultiByteTopic, EncodeBoth("€/😀", 0x1234, MqttQos.AtLeastOnce, false, false, new byte[0]));
        }

        [Fact]
        public void Encodes_a_null_payload_of_count_zero_as_empty()
        {
            PacketBytes.Equal(RetainedEmptyPayload, PacketBytes.Encoded((b, o) =>
                MqttEncoder.Publish(b, o, "a/b", 0, MqttQos.AtMostOnce, true, false, null, 0, 0)));
        }

        [Fact]
        public void Encodes_only_the_given_range_of_the_payload()
        {
            byte[] payload = { 0xEE, 0x68, 0x69, 0xEE };

            PacketBytes.Equal(Qos0, PacketBytes.Encoded((b, o) =>
                MqttEncoder.Publish(b, o, "a/b", 0, MqttQos.AtMostOnce, false, false, payload, 1, 2)));
        }

        [Fact]
        public void Decodes_the_examples()
        {
            AssertDecoded(Qos0, "a/b", 0, MqttQos.AtMostOnce, false, false, Hi);
            AssertDecoded(Qos1, "a/b", 10, MqttQos.AtLeastOnce, false, false, Hi);
            AssertDecoded(Qos2RetainDup, "a/b", 65535, MqttQos.ExactlyOnce, true, true, Hi);
            AssertDecoded(RetainedEmptyPayload, "a/b", 0, MqttQos.AtMostOnce, true, false, new byte[0]);
            AssertDecoded(MultiByteTopic, "€/😀", 0x1234, MqttQos.AtLeastOnce, false, false, new byte[0]);
        }

        public static IEnumerable<object[]> FlagCombinations()
        {
            foreach (MqttQos qos in new[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce })
            {
                foreach (bool retain in new[] { false, true })
                {
                    // DUP only with QoS 1 and 2 [MQTT-3.3.1-2].
                    foreach (bool dup in qos == MqttQos.AtMostOnce ? new[] { false } : new[] { false, true })
                    {
                        yield return new object[] { qos, retain, dup };
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(FlagCombinations))]
        public void Every_flag_combination_encodes_as_figure_3_10_and_decodes_back(MqttQos qos, bool retain, bool dup)
        {
            int packetId = qos == MqttQos.AtMostOnce ? 0 : 0x0102;
            // Figure 3.10: bit 3 DUP, bits 2-1 QoS, bit 0 RETAIN.
            int firstByte = 0x30 | (dup ? 1 << 3 : 0) | ((int)qos << 1) | (retain ? 1 : 0);
            byte[] expected = PacketBytes.Framed(firstByte, PacketBytes.Concat(
                new byte[] { 0x00, 0x01, 0x74 },                                    // topic "t"
                qos == MqttQos.AtMostOnce ? new byte[0] : new byte[] { 0x01, 0x02 }, // packet identifier
                new byte[] { 0x00, 0xFF }));                                         // payload

            PacketBytes.Equal(expected, EncodeBoth("t", packetId, qos, retain, dup, new byte[] { 0x00, 0xFF }));
            AssertDecoded(expected, "t", packetId, qos, retain, dup, new byte[] { 0x00, 0xFF });
        }

        [Fact]
        public void A_payload_of_200_bytes_takes_a_two_byte_remaining_length()
        {
            byte[] payload = new byte[200];
            new Random(5).NextBytes(payload);
            byte[] expected = PacketBytes.Concat(
                new byte[] { 0x30, 0xCB, 0x01 },  // PUBLISH, remaining length 203 = 0x4B + 1 * 128
                new byte[] { 0x00, 0x01, 0x74 },  // topic "t"
                payload);

            PacketBytes.Equal(expected, EncodeBoth("t", 0, MqttQos.AtMostOnce, false, false, payload));
            AssertDecoded(expected, "t", 0, MqttQos.AtMostOnce, false, false, payload);
            Assert.Equal(expected.Length, MqttEncoder.PublishSize(1, MqttQos.AtMostOnce, 200));
        }

        [Theory]
        [InlineData(0, MqttQos.AtMostOnce, 0, 4)]
        [InlineData(3, MqttQos.AtLeastOnce, 2, 11)]
        [InlineData(1, MqttQos.AtMostOnce, 124, 129)]
        [InlineData(1, MqttQos.AtMostOnce, 125, 131)]
        [InlineData(1, MqttQos.ExactlyOnce, 16378, 16386)]
        [InlineData(1, MqttQos.ExactlyOnce, 16379, 16388)]
        public void PublishSize_counts_every_byte_including_the_remaining_length(int topicLength, MqttQos qos, int payloadCount, int expected)
        {
            Assert.Equal(expected, MqttEncoder.PublishSize(topicLength, qos, payloadCount));
        }

        [Fact]
        public void PublishSize_refuses_a_remaining_length_above_the_maximum()
        {
            Assert.Equal(1 + 4 + RemainingLength.Max, MqttEncoder.PublishSize(1, MqttQos.AtMostOnce, RemainingLength.Max - 3));
            Assert.Equal(-1, MqttEncoder.PublishSize(1, MqttQos.AtMostOnce, RemainingLength.Max - 2));
            Assert.Equal(-1, MqttEncoder.PublishSize(1, MqttQos.AtLeastOnce, RemainingLength.Max - 4));
        }

        [Fact]
        public void A_qos_0_payload_that_starts_with_zeros_is_not_a_packet_identifier_MQTT_2_3_1_5()
        {
            AssertDecoded(Padded.Hex("3007 0003612F62 0000"), "a/b", 0, MqttQos.AtMostOnce, false, false, new byte[] { 0, 0 });
        }

        [Theory]
        [InlineData(0x36, "QoS 3")]
        [InlineData(0x37, "QoS 3, RETAIN")]
        [InlineData(0x3E, "QoS 3, DUP")]
        [InlineData(0x3F, "QoS 3, DUP, RETAIN")]
        public void Refuses_qos_3_MQTT_3_3_1_4(int firstByte, string what)
        {
            byte[] packet = ConnectTests.With(Qos1, 0, firstByte);

            Assert.True(MqttError.InvalidQos == PacketBytes.Decode(packet, new BrokerPacket()), what);
            Assert.True(MqttError.InvalidQos == MqttDecoder.CheckFirstByte(firstByte), what);
        }

        [Theory]
        [InlineData(0x38)]
        [InlineData(0x39)]
        public void Refuses_dup_on_qos_0_MQTT_3_3_1_2(int firstByte)
        {
            byte[] packet = ConnectTests.With(Qos0, 0, firstByte);

            Assert.Equal(MqttError.DupOnQos0, PacketBytes.Decode(packet, new BrokerPacket()));
            Assert.Equal(MqttError.DupOnQos0, MqttDecoder.CheckFirstByte(firstByte));
        }

        [Theory]
        [InlineData("3004 0000 6869", "QoS 0")]
        [InlineData("3204 0000 0001", "QoS 1")]
        public void Refuses_an_empty_topic_name_MQTT_4_7_3_1(string hex, string what)
        {
            Assert.True(MqttError.EmptyTopic == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
        }

        [Theory]
        [InlineData("a/+")]
        [InlineData("+")]
        [InlineData("#")]
        [InlineData("a/#")]
        [InlineData("a+b")]
        public void Refuses_wildcards_in_the_topic_name_MQTT_3_3_2_2(string topic)
        {
            byte[] packet = PacketBytes.Framed(0x32, PacketBytes.Concat(PacketBytes.Prefixed(PacketBytes.Utf8(topic)), new byte[] { 0x00, 0x01 }));

            Assert.Equal(MqttError.WildcardInTopicName, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData("612FC0", "truncated two-byte form [MQTT-1.5.3-1]")]
        [InlineData("C080", "overlong NUL [MQTT-1.5.3-1]")]
        [InlineData("EDA080", "encoded surrogate D800 [MQTT-1.5.3-1]")]
        [InlineData("EDB080", "encoded surrogate DC00 [MQTT-1.5.3-1]")]
        [InlineData("FE", "byte never in UTF-8 [MQTT-1.5.3-1]")]
        [InlineData("61002F62", "U+0000 [MQTT-1.5.3-2]")]
        public void Refuses_a_topic_name_that_is_not_MQTT_UTF8_MQTT_3_3_2_1(string hex, string rule)
        {
            byte[] packet = PacketBytes.Framed(0x30, PacketBytes.Concat(PacketBytes.Prefixed(Convert.FromHexString(hex)), Hi));

            Assert.True(MqttError.InvalidUtf8 == PacketBytes.Decode(packet, new BrokerPacket()), rule);
        }

        [Theory]
        [InlineData(0x32)]
        [InlineData(0x34)]
        [InlineData(0x3B)]
        [InlineData(0x3D)]
        public void Refuses_packet_identifier_0_at_qos_1_and_2_MQTT_2_3_1_1(int firstByte)
        {
            byte[] packet = PacketBytes.Framed(firstByte, Padded.Hex("0003 612F62 0000 6869"));

            Assert.Equal(MqttError.ZeroPacketId, PacketBytes.Decode(packet, new BrokerPacket()));
        }

        [Theory]
        [InlineData("3000", "no topic length")]
        [InlineData("3001 00", "half a topic length")]
        [InlineData("3003 0005 61", "topic length past the end")]
        [InlineData("3005 0004 612F62", "topic length one past the end")]
        [InlineData("3205 0003 612F62", "QoS 1 without packet identifier")]
        [InlineData("3206 0003 612F62 00", "QoS 1 with half a packet identifier")]
        [InlineData("3203 0001 74", "QoS 1, topic only")]
        public void Refuses_a_variable_header_cut_short(string hex, string what)
        {
            Assert.True(MqttError.PacketTooShort == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
        }

        [Fact]
        public void DecodePublishHeader_reads_topic_and_id_before_the_payload_arrives()
        {
            // A QoS 1 PUBLISH of 100000 payload bytes of which only the variable header is present.
            const int remaining = 2 + 3 + 2 + 100000;
            byte[] buffer = Padded.Hex("EEEE 0003 612F62 0007");
            BrokerPacket p = new BrokerPacket();

            MqttError error = MqttDecoder.DecodePublishHeader(buffer, 2, 7, 0x02, remaining, p, out int headerLength);

            Assert.Equal(MqttError.None, error);
            Assert.Equal(7, headerLength);
            Assert.Equal(MqttPacketType.Publish, p.Type);
            Assert.Equal(MqttQos.AtLeastOnce, p.Qos);
            Assert.Equal(7, p.PacketId);
            Assert.Equal(4, p.TopicOffset);
            Assert.Equal("a/b", PacketBytes.Text(p.Buffer, p.TopicOffset, p.TopicLength));
        }

        [Fact]
        public void DecodePublishHeader_asks_for_more_on_every_prefix_of_the_variable_header()
        {
            byte[] header = Padded.Hex("0003 612F62 0007");
            for (int available = 0; available < header.Length; available++)
            {
                byte[] prefix = header.AsSpan(0, available).ToArray();

                MqttError error = MqttDecoder.DecodePublishHeader(prefix, 0, available, 0x0B, 1000, new BrokerPacket(), out int headerLength);

                Assert.True(error == MqttError.None, "available " + available);
                Assert.True(headerLength == 0, "available " + available);
            }
        }

        [Theory]
        [InlineData("0003 612F62 0007", 0x02, 1, MqttError.PacketTooShort, "remaining length too small for a topic length")]
        [InlineData("0003 612F62 0007", 0x02, 6, MqttError.PacketTooShort, "topic and id longer than the packet")]
        [InlineData("0003 612F62", 0x00, 4, MqttError.PacketTooShort, "topic longer than the packet")]
        [InlineData("0003 612F23 0007", 0x02, 1000, MqttError.WildcardInTopicName, "[MQTT-3.3.2-2]")]
        [InlineData("0003 612F62 0000", 0x02, 1000, MqttError.ZeroPacketId, "[MQTT-2.3.1-1]")]
        [InlineData("0000 0007", 0x02, 1000, MqttError.EmptyTopic, "[MQTT-4.7.3-1]")]
        public void DecodePublishHeader_refuses_what_Decode_refuses(string hex, int flags, int remaining, MqttError expected, string what)
        {
            byte[] header = Padded.Hex(hex);

            MqttError error = MqttDecoder.DecodePublishHeader(header, 0, header.Length, flags, remaining, new BrokerPacket(), out _);

            Assert.True(expected == error, what);
        }

        private static byte[] EncodeBoth(string topic, int packetId, MqttQos qos, bool retain, bool dup, byte[] payload)
        {
            byte[] fromString = PacketBytes.Encoded((b, o) =>
                MqttEncoder.Publish(b, o, topic, packetId, qos, retain, dup, payload, 0, payload.Length));

            // The topic in the middle of a larger array: only its range may be copied.
            byte[] topicBytes = PacketBytes.Concat(new byte[] { 0x23 }, PacketBytes.Utf8(topic), new byte[] { 0x2B });
            byte[] fromBytes = PacketBytes.Encoded((b, o) =>
                MqttEncoder.Publish(b, o, topicBytes, 1, topicBytes.Length - 2, packetId, qos, retain, dup, payload, 0, payload.Length));

            PacketBytes.Equal(fromString, fromBytes);
            return fromString;
        }

        private static void AssertDecoded(byte[] packet, string topic, int packetId, MqttQos qos, bool retain, bool dup, byte[] payload)
        {
            BrokerPacket p = PacketBytes.DecodeValid(packet);

            Assert.Equal(MqttPacketType.Publish, p.Type);
            Assert.Equal(topic, PacketBytes.Text(p.Buffer, p.TopicOffset, p.TopicLength));
            Assert.Equal(packetId, p.PacketId);
            Assert.Equal(qos, p.Qos);
            Assert.Equal(retain, p.Retain);
            Assert.Equal(dup, p.Dup);
            Assert.Equal(payload, PacketBytes.Slice(p.Buffer, p.PayloadOffset, p.PayloadLength));
        }
    }
}
