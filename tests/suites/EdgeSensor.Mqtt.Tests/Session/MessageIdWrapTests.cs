using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>
/// Message ids count 1 to 65535 and start again at 1, past the outbox's empty moments and across a wrap while messages
/// wait; too many flows for the interpreter, so they run here.
/// </summary>
public class MessageIdWrapTests
{
    [Fact]
    public void Ids_wrap_from_65535_to_1_and_still_complete_and_report_pending()
    {
        var b = new ScriptedBroker();
        b.Open();
        var payload = new byte[] { 1 };
        var ack = new byte[4];
        for (int expected = 1; expected <= 65534; expected++)
        {
            Assert.Equal(MqttPublishResult.Accepted, b.Session.Publish("t", payload, 0, 1, MqttQos.AtLeastOnce, false, out int id));
            Assert.Equal(expected, id);
            BrokerPacket publish = Assert.Single(b.TakeOutput());
            b.Session.Receive(ack, 0, MqttEncoder.Ack(ack, 0, MqttPacketType.Puback, publish.PacketId), 0);
        }

        // Three wait across the wrap: 65535, 1, 2.
        int[] ids = new int[3];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(MqttPublishResult.Accepted, b.Session.Publish("t", payload, 0, 1, MqttQos.AtLeastOnce, false, out ids[i]));
        }

        Assert.Equal(new[] { 65535, 1, 2 }, ids);
        var sent = b.TakeOutput();
        Assert.True(b.Session.IsPending(65535) && b.Session.IsPending(1) && b.Session.IsPending(2));
        Assert.False(b.Session.IsPending(3));
        b.Session.Receive(ack, 0, MqttEncoder.Ack(ack, 0, MqttPacketType.Puback, sent[1].PacketId), 0);
        Assert.Equal((1, MqttPublishOutcome.Acknowledged), b.Handler.Completions[^1]);
        Assert.True(b.Session.IsPending(65535));
        Assert.False(b.Session.IsPending(1));
        b.Session.Receive(ack, 0, MqttEncoder.Ack(ack, 0, MqttPacketType.Puback, sent[0].PacketId), 0);
        Assert.Equal((65535, MqttPublishOutcome.Acknowledged), b.Handler.Completions[^1]);
        Assert.False(b.Session.IsPending(65535));
        Assert.True(b.Session.IsPending(2));
        Assert.Equal(MqttPublishResult.Accepted, b.Session.Publish("t", payload, 0, 1, MqttQos.AtLeastOnce, false, out int next));
        Assert.Equal(3, next);
    }
}
