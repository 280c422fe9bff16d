using System.Collections.Generic;
using System.Linq;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

public class PublishOutTests
{
    static readonly byte[] Payload = { 1, 2, 3 };

    static MqttPublishResult Publish(ScriptedBroker b, string topic, MqttQos qos, bool retain = false) =>
        b.Session.Publish(topic, Payload, 0, Payload.Length, qos, retain);

    [Fact]
    public void Qos1_IsCompletedByPuback_MQTT_4_3_2_1()
    {
        var b = new ScriptedBroker();
        b.Open();
        Assert.Equal(MqttPublishResult.Accepted, Publish(b, "a/b", MqttQos.AtLeastOnce, retain: true));
        var p = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal((MqttPacketType.Publish, MqttQos.AtLeastOnce, true, false, "a/b"), (p.Type, p.Qos, p.Retain, p.Dup, p.Topic));
        Assert.NotEqual(0, p.PacketId);
        Assert.Equal(Payload, p.Payload);
        Assert.Equal(1, b.Session.OutboxCount);

        b.SendAck(MqttPacketType.Puback, p.PacketId);
        Assert.Equal(0, b.Session.OutboxCount);
        Assert.Equal(1, b.Session.PublishesCompleted);
    }

    [Fact]
    public void Qos2_GoesPublishPubrecPubrelPubcomp_MQTT_4_3_3_1()
    {
        var b = new ScriptedBroker();
        b.Open();
        Publish(b, "a", MqttQos.ExactlyOnce);
        var p = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal(MqttQos.ExactlyOnce, p.Qos);

        b.SendAck(MqttPacketType.Pubrec, p.PacketId);
        var rel = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal((MqttPacketType.Pubrel, p.PacketId), (rel.Type, rel.PacketId));
        Assert.Equal(0, b.Session.PublishesCompleted);

        b.SendAck(MqttPacketType.Pubcomp, p.PacketId);
        Assert.Equal(1, b.Session.PublishesCompleted);
        Assert.Equal(0, b.Session.OutboxCount);
    }

    [Fact]
    public void Qos0_IsNotKeptWhileDisconnected_Qos1IsQueuedAndSentInOrderOnConnect()
    {
        var b = new ScriptedBroker();
        Assert.Equal(MqttPublishResult.NotConnected, Publish(b, "a", MqttQos.AtMostOnce));
        for (int i = 0; i < 5; i++) Assert.Equal(MqttPublishResult.Accepted, Publish(b, "q/" + i, MqttQos.AtLeastOnce));
        Assert.Equal(5, b.Session.OutboxCount);

        b.Open();
        var sent = b.TakeOutput();
        Assert.Equal(new[] { "q/0", "q/1", "q/2", "q/3", "q/4" }, sent.Select(p => p.Topic));
        Assert.All(sent, p => Assert.False(p.Dup)); // first transmission
    }

    [Fact]
    public void InflightWindow_LimitsUnacknowledgedMessages()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
        b.Open();
        for (int i = 0; i < 5; i++) Publish(b, "w/" + i, MqttQos.AtLeastOnce);
        var first = b.TakeOutput();
        Assert.Equal(3, first.Count);
        Assert.Equal(3, b.Session.Inflight);

        b.SendAck(MqttPacketType.Puback, first[0].PacketId);
        Assert.Equal("w/3", ScriptedBroker.Single(b.TakeOutput()).Topic);
        b.SendAck(MqttPacketType.Puback, first[2].PacketId); // acknowledgements may come out of order
        Assert.Equal("w/4", ScriptedBroker.Single(b.TakeOutput()).Topic);
    }

    [Fact]
    public void OutboxFull_IsReportedAndNothingIsDropped()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200 });
        int accepted = 0;
        while (Publish(b, "full/" + accepted, MqttQos.AtLeastOnce) == MqttPublishResult.Accepted) accepted++;
        Assert.Equal(MqttPublishResult.OutboxFull, Publish(b, "more", MqttQos.AtLeastOnce));
        Assert.Equal(accepted, b.Session.OutboxCount);
        Assert.InRange(accepted, 5, 20);

        b.Open();
        var sent = b.TakeOutput();
        Assert.Equal(Enumerable.Range(0, accepted).Select(i => "full/" + i), sent.Select(p => p.Topic));
        foreach (var p in sent) b.SendAck(MqttPacketType.Puback, p.PacketId);
        Assert.Equal(0, b.Session.OutboxCount);
        Assert.Equal(MqttPublishResult.Accepted, Publish(b, "more", MqttQos.AtLeastOnce)); // space is reused
    }

    [Fact]
    public void OutboxRing_WrapsAroundAndKeepsOrder()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 256, InflightWindow = 2 });
        b.Open();
        var topics = new List<string>();
        var pending = new Queue<Packet>();
        for (int i = 0; i < 500; i++)
        {
            while (Publish(b, "ring/" + i, MqttQos.AtLeastOnce) == MqttPublishResult.OutboxFull)
            {
                b.SendAck(MqttPacketType.Puback, pending.Dequeue().PacketId);
            }
            foreach (var p in b.TakeOutput()) { topics.Add(p.Topic); pending.Enqueue(p); }
        }
        while (pending.Count > 0)
        {
            b.SendAck(MqttPacketType.Puback, pending.Dequeue().PacketId);
            foreach (var p in b.TakeOutput()) { topics.Add(p.Topic); pending.Enqueue(p); }
        }
        Assert.Equal(Enumerable.Range(0, 500).Select(i => "ring/" + i), topics);
        Assert.Equal(500, b.Session.PublishesCompleted);
    }

    [Fact]
    public void Reconnect_ResendsUnacknowledgedInOriginalOrderWithDupAndSameIds_MQTT_4_4_0_1_MQTT_3_3_1_1()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
        b.Connect.CleanSession = false;
        b.Open();
        for (int i = 0; i < 5; i++) Publish(b, "r/" + i, MqttQos.AtLeastOnce);
        var sent = b.TakeOutput(); // r/0..r/2 on the wire, r/3 and r/4 wait for the window
        b.SendAck(MqttPacketType.Puback, sent[1].PacketId);
        b.TakeOutput(); // r/3 goes out
        b.Session.ConnectionLost();

        b.Open(sessionPresent: true);
        var resent = b.TakeOutput();
        Assert.Equal(new[] { "r/0", "r/2", "r/3" }, resent.Select(p => p.Topic));
        Assert.All(resent, p => Assert.True(p.Dup));
        Assert.Equal(sent[0].PacketId, resent[0].PacketId);
        Assert.Equal(sent[2].PacketId, resent[1].PacketId);

        b.SendAck(MqttPacketType.Puback, resent[0].PacketId);
        var next = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal(("r/4", false), (next.Topic, next.Dup)); // never sent before: no DUP
    }

    [Fact]
    public void Reconnect_ResendsPubrelForReceivedQos2_MQTT_4_4_0_1()
    {
        var b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Open();
        Publish(b, "x", MqttQos.ExactlyOnce);
        var p = ScriptedBroker.Single(b.TakeOutput());
        b.SendAck(MqttPacketType.Pubrec, p.PacketId);
        b.TakeOutput();
        b.Session.ConnectionLost();

        b.Open(sessionPresent: true);
        var rel = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal((MqttPacketType.Pubrel, p.PacketId), (rel.Type, rel.PacketId));
        b.SendAck(MqttPacketType.Pubcomp, p.PacketId);
        Assert.Equal(1, b.Session.PublishesCompleted);
    }

    [Fact]
    public void ReconnectWithoutSession_CompletesReleasedQos2_AndResendsUnacknowledgedWithDup()
    {
        var b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Open();
        Publish(b, "two", MqttQos.ExactlyOnce);
        Publish(b, "one", MqttQos.AtLeastOnce);
        var sent = b.TakeOutput();
        b.SendAck(MqttPacketType.Pubrec, sent[0].PacketId);
        b.TakeOutput();
        b.Session.ConnectionLost();

        b.Open(sessionPresent: false); // the broker lost the session (3.2.2.2)
        Assert.Equal(1, b.Session.PublishesCompleted); // PUBREC means the broker took the QoS 2 message
        var resent = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal(("one", true), (resent.Topic, resent.Dup));
    }

    [Fact]
    public void PacketIds_AreNeverReusedWhileInUse_AcrossTheWrapAround_MQTT_2_3_1_2()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.Session.Subscribe("held/#", MqttQos.AtLeastOnce); // its SUBACK never comes: the id stays in use
        int heldId = ScriptedBroker.Single(b.TakeOutput()).PacketId;

        var seen = new HashSet<int>();
        for (int i = 0; i < 70000; i++) // wraps around the 16-bit space
        {
            Publish(b, "t", MqttQos.AtLeastOnce);
            var p = ScriptedBroker.Single(b.TakeOutput());
            Assert.NotEqual(heldId, p.PacketId);
            Assert.InRange(p.PacketId, 1, 65535);
            seen.Add(p.PacketId);
            b.SendAck(MqttPacketType.Puback, p.PacketId);
        }
        Assert.Equal(65534, seen.Count); // every id but the one in use
    }

    [Fact]
    public void PacketIds_HeldByUnacknowledgedMessagesFromTheLastConnection_AreNotReused_MQTT_2_3_1_2()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
        b.Connect.CleanSession = false;
        b.Open();
        for (int i = 0; i < 3; i++) Publish(b, "old/" + i, MqttQos.AtLeastOnce);
        var held = b.TakeOutput().Select(p => p.PacketId).ToHashSet();
        b.Session.ConnectionLost();

        b.Session.Subscribe("s", MqttQos.AtMostOnce); // asks for an id while the three wait to be resent
        b.Open(sessionPresent: true);
        var output = b.TakeOutput();
        var subscribe = output.Single(p => p.Type == MqttPacketType.Subscribe);
        Assert.DoesNotContain(subscribe.PacketId, held);
        Assert.Equal(held, output.Where(p => p.Type == MqttPacketType.Publish).Select(p => p.PacketId).ToHashSet());
    }

    [Fact]
    public void LateOrUnknownAcknowledgement_IsIgnored()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.SendAck(MqttPacketType.Puback, 4242);
        b.SendAck(MqttPacketType.Pubcomp, 4243);
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
        Assert.Equal(0, b.Session.PublishesCompleted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/+")]
    [InlineData("a/#")]
    [InlineData("a\0b")]
    public void InvalidTopic_IsRefused_MQTT_3_3_2_2(string topic)
    {
        AssertRefused(topic);
    }

    [Fact]
    public void TopicWithAnUnpairedSurrogate_IsRefused_MQTT_1_5_3_1()
    {
        AssertRefused("bad" + (char)0xD800); // built here: xunit would turn it into U+FFFD on the way to a theory
    }

    static void AssertRefused(string topic)
    {
        var b = new ScriptedBroker();
        b.Open();
        Assert.Equal(MqttPublishResult.InvalidTopic, Publish(b, topic, MqttQos.AtMostOnce));
        Assert.Equal(MqttPublishResult.InvalidTopic, Publish(b, topic, MqttQos.AtLeastOnce));
        Assert.Empty(b.TakeOutput());
        Assert.Equal(0, b.Session.OutboxCount);
    }

    [Fact]
    public void MessageLargerThanTheSendBuffer_IsTooLarge()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 });
        b.Open();
        var big = new byte[100];
        Assert.Equal(MqttPublishResult.TooLarge, b.Session.Publish("t", big, 0, big.Length, MqttQos.AtMostOnce, false));
        Assert.Equal(MqttPublishResult.TooLarge, b.Session.Publish("t", big, 0, big.Length, MqttQos.AtLeastOnce, false));
    }

    [Fact]
    public void FullSendBuffer_RefusesQos0UntilTheTransportWrites()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 });
        b.Open();
        b.TakeOutput();
        var payload = new byte[20];
        int accepted = 0;
        while (b.Session.Publish("t", payload, 0, 20, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted) accepted++;
        Assert.Equal(2, accepted);
        Assert.Equal(2, b.TakeOutput().Count);
        Assert.Equal(MqttPublishResult.Accepted, b.Session.Publish("t", payload, 0, 20, MqttQos.AtMostOnce, false));
    }

    [Fact]
    public void OutboxLow_OnlyOnceHalfTheOutboxIsFree_WhileMessagesWaitForTheWindow()
    {
        // 12-byte packets ("w/0", 3-byte payload, QoS 1) take 20 bytes each: 10 fill the outbox.
        var b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200, InflightWindow = 3 });
        b.Open();
        for (int i = 0; i < 10; i++) Assert.Equal(MqttPublishResult.Accepted, Publish(b, "w/" + i, MqttQos.AtLeastOnce));
        Assert.Equal(MqttPublishResult.OutboxFull, Publish(b, "w/x", MqttQos.AtLeastOnce));
        Assert.False(b.Session.OutboxLow);

        var acked = 0;
        while (b.Session.OutboxCount > 5)
        {
            Assert.False(b.Session.OutboxLow); // a producer woken now would find room for one message only
            var sent = b.TakeOutput();
            Assert.NotEmpty(sent); // the window refills from the outbox after each acknowledgement
            foreach (var p in sent) b.SendAck(MqttPacketType.Puback, p.PacketId);
            acked += sent.Count;
        }
        Assert.True(b.Session.OutboxLow);
        Assert.Equal(acked, b.Session.PublishesCompleted);
    }

    [Fact]
    public void OutboxLow_WhenEverythingQueuedIsTransmitted_EvenIfMoreThanHalfFull()
    {
        // The window takes all 10 messages: nothing waits to go out, so the producer must not wait for space.
        var b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200, InflightWindow = 20 });
        b.Open();
        for (int i = 0; i < 10; i++) Publish(b, "w/" + i, MqttQos.AtLeastOnce);
        Assert.Equal(10, b.TakeOutput().Count);
        Assert.True(b.Session.OutboxLow);
    }
}
