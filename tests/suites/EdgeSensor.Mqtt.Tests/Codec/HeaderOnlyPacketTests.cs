using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.NanoTests.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// PINGREQ and DISCONNECT (MQTT 3.1.1 sections 3.12 and 3.14) as the broker side decodes them. The client's
/// encoding of all three header-only packets and its decoding of PINGRESP are checked on nanoCLR and here through
/// the NanoTests (HeaderOnlyPacketTests).
/// </summary>
public class HeaderOnlyPacketTests
{
    [Fact]
    public void The_broker_side_decodes_the_clients_pingreq_and_disconnect()
    {
        Assert.Equal(MqttPacketType.Pingreq, PacketBytes.DecodeValid(PacketExamples.Pingreq).Type);
        Assert.Equal(MqttPacketType.Disconnect, PacketBytes.DecodeValid(PacketExamples.Disconnect).Type);
    }

    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xE0)]
    public void Refuses_a_body(int firstByte)
    {
        Assert.Equal(MqttError.PacketTooLong, PacketBytes.Decode(new byte[] { (byte)firstByte, 0x01, 0x00 }, new BrokerPacket()));
    }
}
