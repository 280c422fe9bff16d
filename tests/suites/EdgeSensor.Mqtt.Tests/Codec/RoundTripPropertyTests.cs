using System;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>Encode then decode random valid packets: the decoded view must hold exactly what was encoded.</summary>
public class RoundTripPropertyTests
{
    const int CasesPerType = 2500;

    /// <summary>Room for the largest random packet (payload 4096, CONNECT with every field) after an offset.</summary>
    const int Scratch = 16 + 8192;

    [Theory]
    [InlineData(MqttPacketType.Connect)]
    [InlineData(MqttPacketType.Connack)]
    [InlineData(MqttPacketType.Publish)]
    [InlineData(MqttPacketType.Puback)]
    [InlineData(MqttPacketType.Pubrec)]
    [InlineData(MqttPacketType.Pubrel)]
    [InlineData(MqttPacketType.Pubcomp)]
    [InlineData(MqttPacketType.Subscribe)]
    [InlineData(MqttPacketType.Suback)]
    [InlineData(MqttPacketType.Unsubscribe)]
    [InlineData(MqttPacketType.Unsuback)]
    [InlineData(MqttPacketType.Pingreq)]
    [InlineData(MqttPacketType.Pingresp)]
    [InlineData(MqttPacketType.Disconnect)]
    public void Random_packets_of_each_type_round_trip(MqttPacketType type)
    {
        Random random = new Random(1000 + (int)type);
        BrokerPacket view = new BrokerPacket();
        byte[] scratch = new byte[Scratch];
        for (int round = 0; round < CasesPerType; round++)
        {
            RoundTrip(random, RandomPackets.Next(random, type, 4096), view, scratch);
        }
    }

    [Fact]
    public void Random_packets_of_mixed_types_round_trip_through_one_reused_view()
    {
        // The session reuses one view: nothing from the previous packet may leak into the next.
        Random random = new Random(77);
        BrokerPacket view = new BrokerPacket();
        byte[] scratch = new byte[Scratch];
        for (int round = 0; round < 5000; round++)
        {
            RoundTrip(random, RandomPackets.Next(random, 300), view, scratch);
        }
    }

    static void RoundTrip(Random random, PacketCase packet, BrokerPacket view, byte[] scratch)
    {
        // Encode at a random offset after noise...
        int offset = random.Next(0, 16);
        random.NextBytes(scratch.AsSpan(0, offset));
        int written = packet.Encode(scratch, offset);
        Assert.True(written > 0, packet + " was not encoded");

        // ...then decode it with the noise before it and nothing after it, so an over-read throws.
        byte[] buffer = scratch.AsSpan(0, offset + written).ToArray();
        MqttError error = BrokerDecoder.Decode(buffer, offset, written, view);

        Assert.True(error == MqttError.None, packet + ": " + error + " from " + Convert.ToHexString(buffer, offset, Math.Min(written, 64)));
        Assert.Same(buffer, view.Buffer);
        packet.AssertDecodedAs(view);
        if (packet is PublishCase publish)
        {
            Assert.Equal(written, MqttEncoder.PublishSize(Utf8Length(publish.Topic), publish.Qos, publish.PayloadCount));
        }
    }

    static int Utf8Length(string text)
    {
        return System.Text.Encoding.UTF8.GetByteCount(text);
    }
}
