using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>A malformed packet from the network closes the connection with a reason the application can read [MQTT-4.8.0-1].</summary>
public class MalformedInputTests
{
    [Theory]
    [InlineData(MqttError.MalformedRemainingLength, new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(MqttError.ReservedFlags, new byte[] { 0x41, 0x02, 0x00, 0x01 })]                       // PUBACK with flags [MQTT-2.2.2-2]
    [InlineData(MqttError.InvalidQos, new byte[] { 0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01 })]        // QoS 3 [MQTT-3.3.1-4]
    [InlineData(MqttError.DupOnQos0, new byte[] { 0x38, 0x03, 0x00, 0x01, 0x61 })]                     // [MQTT-3.3.1-2]
    [InlineData(MqttError.ZeroPacketId, new byte[] { 0x40, 0x02, 0x00, 0x00 })]                        // [MQTT-2.3.1-1]
    [InlineData(MqttError.WildcardInTopicName, new byte[] { 0x30, 0x03, 0x00, 0x01, 0x23 })]           // [MQTT-3.3.2-2]
    [InlineData(MqttError.InvalidUtf8, new byte[] { 0x30, 0x04, 0x00, 0x02, 0xC0, 0x80 })]             // [MQTT-1.5.3-1]
    [InlineData(MqttError.UnknownSubackCode, new byte[] { 0x90, 0x03, 0x00, 0x01, 0x03 })]             // [MQTT-3.9.3-2]
    [InlineData(MqttError.UnexpectedPacket, new byte[] { 0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x00 })] // SUBSCRIBE from a server
    [InlineData(MqttError.UnknownPacketType, new byte[] { 0xF0, 0x00 })]
    [InlineData(MqttError.PacketTooLong, new byte[] { 0xD0, 0x01, 0x00 })]                             // PINGRESP with a body
    public void MalformedPacket_ClosesWithItsNamedReason(MqttError expected, byte[] bytes)
    {
        var b = new ScriptedBroker();
        b.Open();
        b.Session.Receive(bytes, 0, bytes.Length, 0);
        Assert.Equal(MqttSessionState.Disconnected, b.Session.State);
        Assert.Equal(expected, b.Session.LastError);
        Assert.Equal("disconnected " + expected + " Accepted", b.Handler.Events[^1]);
    }

    [Fact]
    public void OversizedNonPublishPacket_ClosesInsteadOfBuffering()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 64 });
        b.Open();
        var bytes = new byte[] { 0x90, 0xFF, 0xFF, 0x7F }; // a SUBACK announcing 2 MiB
        b.Session.Receive(bytes, 0, bytes.Length, 0);
        Assert.Equal(MqttError.PacketTooLong, b.Session.LastError);
    }
}
