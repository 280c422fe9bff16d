using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.NanoTests.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// UNSUBSCRIBE, MQTT 3.1.1 section 3.10, as the broker side decodes it. The client's UNSUBSCRIBE bytes and its
/// UNSUBACK decoding (section 3.11) are checked on nanoCLR and here through the NanoTests.
/// </summary>
public class UnsubscribeTests
{
    [Fact]
    public void Decodes_the_unsubscribe_example()
    {
        BrokerPacket p = PacketBytes.DecodeValid(PacketExamples.Unsubscribe);

        Assert.Equal(MqttPacketType.Unsubscribe, p.Type);
        Assert.Equal(10, p.PacketId);
        Assert.Equal(new[] { "a/b", "c/d" }, SubscribeTests.Filters(p, false));
    }

    [Fact]
    public void Refuses_an_unsubscribe_without_filters_MQTT_3_10_3_2()
    {
        Assert.Equal(MqttError.EmptySubscription, PacketBytes.Decode(Padded.Hex("A202 000A"), new BrokerPacket()));
    }

    [Fact]
    public void Refuses_packet_identifier_0_MQTT_2_3_1_1()
    {
        Assert.Equal(MqttError.ZeroPacketId, PacketBytes.Decode(Padded.Hex("A205 0000 000161"), new BrokerPacket()));
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
    public void Refuses_wrong_lengths(string hex, MqttError expected, string what)
    {
        Assert.True(expected == PacketBytes.Decode(Padded.Hex(hex), new BrokerPacket()), what);
    }
}
