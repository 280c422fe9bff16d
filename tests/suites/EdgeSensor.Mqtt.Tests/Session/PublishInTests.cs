using System;
using System.Linq;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

public class PublishInTests
{
    [Fact]
    public void Qos0_IsDeliveredWithoutAnswer()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.SendPublish("s/x", new byte[] { 9 }, MqttQos.AtMostOnce, 0, retain: true);
        var m = Assert.Single(b.Handler.Chunks);
        Assert.Equal(("s/x", MqttQos.AtMostOnce, true, 0, 1), (m.Topic, m.Qos, m.Retain, m.Position, m.Total));
        Assert.Empty(b.TakeOutput());
    }

    [Fact]
    public void Qos1_IsAcknowledgedWithPuback_MQTT_4_3_2_2()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.SendPublish("s/x", new byte[] { 9 }, MqttQos.AtLeastOnce, 77);
        var ack = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal((MqttPacketType.Puback, 77), (ack.Type, ack.PacketId));
        Assert.Single(b.Handler.Chunks);
    }

    [Fact]
    public void Qos2_DuplicateBeforePubrel_IsAcknowledgedButNotDeliveredAgain_MQTT_4_3_3_2()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.SendPublish("e", new byte[] { 1 }, MqttQos.ExactlyOnce, 5);
        Assert.Equal((MqttPacketType.Pubrec, 5), ScriptedBroker.Single(b.TakeOutput()) is var r ? (r.Type, r.PacketId) : default);

        b.SendPublish("e", new byte[] { 1 }, MqttQos.ExactlyOnce, 5, dup: true);
        Assert.Equal(MqttPacketType.Pubrec, ScriptedBroker.Single(b.TakeOutput()).Type);
        Assert.Single(b.Handler.Chunks);

        b.SendAck(MqttPacketType.Pubrel, 5);
        var comp = ScriptedBroker.Single(b.TakeOutput());
        Assert.Equal((MqttPacketType.Pubcomp, 5), (comp.Type, comp.PacketId));

        b.SendPublish("e", new byte[] { 2 }, MqttQos.ExactlyOnce, 5); // the id is free again: a new message
        Assert.Equal(2, b.Handler.Chunks.Count);
    }

    [Fact]
    public void Pubrel_ForAnUnknownId_IsStillAnsweredWithPubcomp()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.SendAck(MqttPacketType.Pubrel, 99);
        Assert.Equal(MqttPacketType.Pubcomp, ScriptedBroker.Single(b.TakeOutput()).Type);
    }

    [Fact]
    public void MoreUnreleasedQos2ThanRemembered_ForgetsTheOldestAndStaysConnected()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { MaxPendingReleases = 2 });
        b.Open();
        b.SendPublish("e", new byte[1], MqttQos.ExactlyOnce, 1);
        b.SendPublish("e", new byte[1], MqttQos.ExactlyOnce, 2);
        b.SendPublish("e", new byte[1], MqttQos.ExactlyOnce, 3); // the broker opened a third: id 1 is forgotten
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
        Assert.Equal(3, b.Handler.Chunks.Count);
        Assert.Equal(1, b.Session.ReleasesForgotten);

        b.SendPublish("e", new byte[1], MqttQos.ExactlyOnce, 3, dup: true); // still remembered: not delivered again
        Assert.Equal(3, b.Handler.Chunks.Count);
        Assert.Equal(4, b.TakeOutput().Count(p => p.Type == MqttPacketType.Pubrec));
    }

    [Fact]
    public void OneMebibytePayload_ThroughAOneKibibyteBuffer_ArrivesInOrderedChunks()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 1024 });
        b.Open();
        var payload = new byte[1 << 20];
        new Random(7).NextBytes(payload);
        b.SendPublish("big/blob", payload, MqttQos.AtLeastOnce, 12);
        b.SendPublish("small", new byte[] { 42 }, MqttQos.AtMostOnce, 0); // the next packet follows intact

        var chunks = b.Handler.Chunks.Where(c => c.Topic == "big/blob").ToList();
        Assert.True(chunks.Count > 1000, "delivered in chunks no larger than the buffer");
        Assert.All(chunks, c => Assert.True(c.Payload.Length <= 1024 && c.Total == payload.Length));
        int position = 0;
        foreach (var c in chunks)
        {
            Assert.Equal(position, c.Position);
            position += c.Payload.Length;
        }
        Assert.Equal(payload, chunks.SelectMany(c => c.Payload).ToArray());
        Assert.Equal(new byte[] { 42 }, b.Handler.Chunks.Last().Payload);
        Assert.Equal((MqttPacketType.Puback, 12), ScriptedBroker.Single(b.TakeOutput()) is var a ? (a.Type, a.PacketId) : default);
        Assert.Equal(2, b.Session.MessagesReceived);
    }

    [Fact]
    public void LargePayload_ByteAtATime_StillStreamsCorrectly()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 64 });
        b.Open();
        var payload = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var packet = new byte[1100];
        int length = MqttEncoder.Publish(packet, 0, "slow/topic", 3, MqttQos.ExactlyOnce, false, false, payload, 0, payload.Length);
        for (int i = 0; i < length; i++) b.Feed(packet, i, 1);

        Assert.Equal(payload, b.Handler.Chunks.SelectMany(c => c.Payload).ToArray());
        Assert.Equal(MqttPacketType.Pubrec, ScriptedBroker.Single(b.TakeOutput()).Type);
    }

    [Fact]
    public void DropPolicy_SkipsLargeMessagesCountsThemAndStillAcknowledges()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 256, LargePayloads = MqttLargePayloadPolicy.Drop });
        b.Open();
        b.SendPublish("big", new byte[5000], MqttQos.AtLeastOnce, 8);
        b.SendPublish("ok", new byte[10], MqttQos.AtMostOnce, 0);
        Assert.Equal("ok", Assert.Single(b.Handler.Chunks).Topic);
        Assert.Equal(1, b.Session.MessagesDropped);
        Assert.Equal((MqttPacketType.Puback, 8), ScriptedBroker.Single(b.TakeOutput()) is var a ? (a.Type, a.PacketId) : default);
    }

    [Fact]
    public void TopicLongerThanTheBuffer_IsSkippedAndAcknowledged()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 64 });
        b.Open();
        b.SendPublish(new string('t', 300), new byte[10], MqttQos.AtLeastOnce, 300);
        b.SendPublish("after", new byte[1], MqttQos.AtMostOnce, 0);
        // Issue 12: the application hears of it (the topic's first bytes, no payload, total -1), so it can refuse it by name.
        Assert.Equal(2, b.Handler.Chunks.Count);
        Assert.Equal((-1, 0), (b.Handler.Chunks[0].Total, b.Handler.Chunks[0].Payload.Length));
        Assert.StartsWith("tttt", b.Handler.Chunks[0].Topic);
        Assert.Equal("after", b.Handler.Chunks[1].Topic);
        Assert.Equal(1, b.Session.MessagesDropped);
        Assert.Equal(300, ScriptedBroker.Single(b.TakeOutput()).PacketId);
    }

    [Fact]
    public void CallbackThatPublishes_DoesNotLoseTheAcknowledgement()
    {
        var handler = new PublishingHandler();
        var session = new MqttSession(new MqttSessionOptions { SendBufferSize = 64 }, handler);
        handler.Session = session;
        var scratch = new byte[64];
        session.Connect(new MqttConnectOptions { ClientId = "c" }, 0);
        session.GetOutput(out _, out _);
        session.OutputWritten(session.GetOutput(out _, out _), 0);
        session.Receive(scratch, 0, BrokerEncoder.Connack(scratch, 0, false, MqttConnectReturnCode.Accepted), 0);
        session.Receive(scratch, 0, MqttEncoder.Publish(scratch, 0, "in", 9, MqttQos.AtLeastOnce, false, false, new byte[1], 0, 1), 0);

        int count = session.GetOutput(out byte[] buffer, out int offset);
        var packet = new MqttPacket();
        Assert.Equal(MqttError.None, MqttDecoder.Decode(buffer, offset, 4, packet));
        Assert.Equal((MqttPacketType.Puback, 9), (packet.Type, packet.PacketId));
        Assert.True(handler.Refused > 0, "the callback filled the buffer");
        Assert.True(count <= 64);
    }

    sealed class PublishingHandler : IMqttSessionHandler
    {
        public MqttSession Session;
        public int Refused;
        public void OnConnected(bool sessionPresent) { }
        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }
        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnMessage(MqttMessage message)
        {
            var payload = new byte[20];
            while (Session.Publish("out", payload, 0, 20, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted) { }
            Refused++;
        }
    }
}
