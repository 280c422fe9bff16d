using System;
using System.Linq;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

public class SubscribeTests
{
    [Fact]
    public void SeveralFilters_GoInOneSubscribe_AndEachSubackCodeIsReported()
    {
        var b = new ScriptedBroker();
        b.Open();
        int first = b.Session.Subscribe(new[] { "a/+", "b/#", "forbidden" }, new[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce });
        var sub = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal(MqttPacketType.Subscribe, sub.Type);

        b.SendSuback(sub.PacketId, 0, 1, 0x80);
        Assert.Equal(new[] { (first, 0), (first + 1, 1), (first + 2, 0x80) }, b.Handler.SubscribeResults);
        Assert.Equal(SubscriptionState.Refused, b.Session.Subscriptions.State(first + 2));
    }

    [Fact]
    public void IncomingMessages_CarryTheIndexOfTheMatchingSubscription()
    {
        var b = new ScriptedBroker();
        b.Open();
        int cmd = b.Session.Subscribe("dev/cmd/+", MqttQos.AtLeastOnce);
        int all = b.Session.Subscribe("other/#", MqttQos.AtMostOnce);
        b.SendPublish("dev/cmd/relay", new byte[] { 1 }, MqttQos.AtMostOnce, 0);
        b.SendPublish("other/x/y", new byte[] { 1 }, MqttQos.AtMostOnce, 0);
        b.SendPublish("unrelated", new byte[] { 1 }, MqttQos.AtMostOnce, 0);
        Assert.Equal(new[] { cmd, all, -1 }, b.Handler.Chunks.Select(c => c.SubscriptionIndex));
    }

    [Fact]
    public void ReconnectWithoutSession_SubscribesAgain_WithSessionItDoesNot()
    {
        var b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Open();
        b.Session.Subscribe("keep/#", MqttQos.AtLeastOnce);
        var sub = ScriptedBroker.Single(b.TakeOutput());
        b.SendSuback(sub.PacketId, 1);

        b.Session.ConnectionLost();
        b.Open(sessionPresent: true);
        Assert.Empty(b.TakeOutput());

        b.Session.ConnectionLost();
        b.Open(sessionPresent: false);
        Assert.Equal(MqttPacketType.Subscribe, ScriptedBroker.Single(b.TakeOutput()).Type);
    }

    [Fact]
    public void SubscribeWhileDisconnected_IsSentAfterConnect()
    {
        var b = new ScriptedBroker();
        b.Session.Subscribe("later", MqttQos.AtMostOnce);
        b.Open();
        Assert.Equal(MqttPacketType.Subscribe, ScriptedBroker.Single(b.TakeOutput()).Type);
    }

    [Fact]
    public void Unsubscribe_StopsRoutingAndFreesTheSlotOnUnsuback()
    {
        var b = new ScriptedBroker();
        b.Open();
        int i = b.Session.Subscribe("x/#", MqttQos.AtMostOnce);
        b.SendSuback(ScriptedBroker.Single(b.TakeOutput()).PacketId, 0);
        b.Session.Unsubscribe(i);
        var unsub = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal(MqttPacketType.Unsubscribe, unsub.Type);
        b.SendPublish("x/1", new byte[1], MqttQos.AtMostOnce, 0);
        Assert.Equal(-1, b.Handler.Chunks.Single().SubscriptionIndex);
        b.SendAck(MqttPacketType.Unsuback, unsub.PacketId);
        Assert.Equal(SubscriptionState.Free, b.Session.Subscriptions.State(i));
    }

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a+")]
    [InlineData("")]
    public void InvalidFilter_IsRefusedAtTheCall_MQTT_4_7_1_2(string filter)
    {
        var b = new ScriptedBroker();
        Assert.Throws<ArgumentException>(() => b.Session.Subscribe(filter, MqttQos.AtMostOnce));
    }
}
