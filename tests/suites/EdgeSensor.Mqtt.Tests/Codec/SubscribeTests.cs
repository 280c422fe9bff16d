using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.NanoTests.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// SUBSCRIBE and SUBACK, MQTT 3.1.1 sections 3.8 and 3.9, on the broker side: decoding SUBSCRIBE, encoding SUBACK.
/// The client's SUBSCRIBE bytes and its SUBACK decoding are checked on nanoCLR and here through the NanoTests.
/// </summary>
public class SubscribeTests
{
    [Fact]
    public void Decodes_the_subscribe_example()
    {
        BrokerPacket p = PacketBytes.DecodeValid(PacketExamples.Subscribe);

        Assert.Equal(MqttPacketType.Subscribe, p.Type);
        Assert.Equal(10, p.PacketId);
        Assert.Equal(new[] { "a/b 1", "c/d 2", "+/# 0" }, Filters(p, true));
    }

    [Fact]
    public void The_broker_side_encodes_the_suback_example()
    {
        byte[] codes = { 0xEE, 0x00, 0x01, 0x02, 0x80, 0xEE };

        PacketBytes.Equal(PacketExamples.Suback, PacketBytes.Encoded((b, o) => BrokerEncoder.Suback(b, o, 10, codes, 1, 4)));
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
        byte[] packet = ConnectTests.With(PacketExamples.Subscribe, 15, requested); // the second filter's QoS byte

        Assert.Equal(expected, PacketBytes.Decode(packet, new BrokerPacket()));
    }

    [Fact]
    public void Refuses_packet_identifier_0_MQTT_2_3_1_1()
    {
        byte[] packet = Padded.Hex("8206 0000 0001 61 00");

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
