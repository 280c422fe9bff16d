using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>PUBLISH from the broker: QoS 0/1/2 answers, duplicates, and payloads larger than the receive buffer.</summary>
[TestClass]
public class PublishInTests
{
    [TestMethod]
    public void Qos0IsDeliveredWithoutAnswer()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.SendPublish("s/x", new byte[] { 9 }, 0, 0, true, false);
        Assert.AreEqual(1, b.Handler.ChunkCount, "chunks");
        ReceivedChunk m = b.Handler.Chunk(0);
        Assert.AreEqual("s/x", m.Topic, "topic");
        Assert.AreEqual((int)MqttQos.AtMostOnce, (int)m.Qos, "QoS");
        Assert.IsTrue(m.Retain, "retain");
        Assert.AreEqual(0, m.Position, "position");
        Assert.AreEqual(1, m.Total, "total");
        Assert.AreEqual(1, m.Payload.Length, "payload");
        Assert.AreEqual(9, (int)m.Payload[0], "payload");
        b.AssertNoOutput();
    }

    [TestMethod]
    public void Qos1IsAcknowledgedWithPuback()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.SendPublish("s/x", new byte[] { 9 }, 1, 77);
        Wire.AreEqual(Wire.Ack(Wire.Puback, 77), b.TakeOutput(), "PUBACK"); // [MQTT-4.3.2-2]
        Assert.AreEqual(1, b.Handler.ChunkCount, "chunks");
    }

    [TestMethod]
    public void APublishReadAfterDisconnectIsNeitherAnsweredNorDelivered()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Assert.IsTrue(b.Session.Disconnect(), "queued");
        Wire.AreEqual(Wire.Empty(Wire.Disconnect), b.TakeOutput(), "DISCONNECT");
        // The broker sends it again to the next connection [MQTT-4.4.0-1]: heard now, it would be heard twice.
        b.SendPublish("s/x", new byte[] { 9 }, 1, 77);
        b.SendPublish("s/y", new byte[] { 8 }, 2, 78);
        b.AssertNoOutput();
        Assert.AreEqual(0, b.Handler.ChunkCount, "chunks");
    }

    [TestMethod]
    public void AQos2DuplicateIsAnsweredNotDelivered()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.SendPublish("e", new byte[] { 1 }, 2, 5);
        Wire.AreEqual(Wire.Ack(Wire.Pubrec, 5), b.TakeOutput(), "PUBREC");

        b.SendPublish("e", new byte[] { 1 }, 2, 5, false, true);
        Wire.AreEqual(Wire.Ack(Wire.Pubrec, 5), b.TakeOutput(), "PUBREC");
        Assert.AreEqual(1, b.Handler.ChunkCount, "chunks"); // delivered once [MQTT-4.3.3-2]

        b.SendAck(Wire.Pubrel, 5);
        Wire.AreEqual(Wire.Ack(Wire.Pubcomp, 5), b.TakeOutput(), "PUBCOMP");

        b.SendPublish("e", new byte[] { 2 }, 2, 5); // the id is free again: a new message
        Assert.AreEqual(2, b.Handler.ChunkCount, "chunks");
    }

    [TestMethod]
    public void APubrelForAnUnknownIdGetsPubcomp()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.SendAck(Wire.Pubrel, 99);
        Wire.AreEqual(Wire.Ack(Wire.Pubcomp, 99), b.TakeOutput(), "PUBCOMP");
    }

    [TestMethod]
    public void TooManyUnreleasedQos2ForgetTheOldest()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { MaxPendingReleases = 2 });
        b.Open();
        b.SendPublish("e", new byte[1], 2, 1);
        b.SendPublish("e", new byte[1], 2, 2);
        b.SendPublish("e", new byte[1], 2, 3); // the broker opened a third: id 1 is forgotten
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
        Assert.AreEqual(3, b.Handler.ChunkCount, "chunks");
        Assert.AreEqual(1L, b.Session.ReleasesForgotten, "forgotten");

        b.SendPublish("e", new byte[1], 2, 3, false, true); // still remembered: not delivered again
        Assert.AreEqual(3, b.Handler.ChunkCount, "chunks");
        Wire.AreEqual(Wire.Join(Wire.Ack(Wire.Pubrec, 1), Wire.Ack(Wire.Pubrec, 2), Wire.Ack(Wire.Pubrec, 3), Wire.Ack(Wire.Pubrec, 3)), b.TakeOutput(), "PUBREC");
    }

    /// <summary>Payload byte <paramref name="i"/> of the large message: varies with the position, so a misplaced chunk shows.</summary>
    static byte Pattern(int i) => (byte)(((uint)i * 2654435761u) >> 24);

    [TestMethod]
    public void OneMebibyteStreamsThroughOneKibibyte()
    {
        const int Length = 1 << 20;
        StreamCheck check = new StreamCheck();
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 1024 }, check);
        b.Open();
        // Written as it goes: the device has no room for the whole packet, nor does the test.
        b.Send(Wire.PublishHeader("big/blob", Length, 1, 12, false, false));
        byte[] piece = new byte[4096];
        for (int sent = 0; sent < Length; sent += piece.Length)
        {
            for (int i = 0; i < piece.Length; i++) piece[i] = Pattern(sent + i);
            b.Feed(piece, 0, piece.Length);
        }
        b.SendPublish("small", new byte[] { 42 }, 0, 0); // the next packet follows intact

        Assert.IsTrue(check.BigChunks > 1000, "chunks"); // each no larger than the buffer
        Assert.AreEqual(Length, check.Position, "position"); // every byte, in order
        Assert.AreEqual("small", check.LastTopic, "topic");
        Assert.AreEqual(1, check.LastPayload.Length, "payload");
        Assert.AreEqual(42, (int)check.LastPayload[0], "payload");
        Wire.AreEqual(Wire.Ack(Wire.Puback, 12), b.TakeOutput(), "PUBACK");
        Assert.AreEqual(2L, b.Session.MessagesReceived, "received");
    }

    /// <summary>Checks the large message chunk by chunk against <see cref="Pattern"/>, keeping nothing.</summary>
    sealed class StreamCheck : IMqttSessionHandler
    {
        public int BigChunks;
        public int Position;
        public string LastTopic;
        public byte[] LastPayload;

        public void OnConnected(bool sessionPresent) { }
        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }
        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnUnsubscribed(int subscriptionIndex) { }

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

        public void OnMessage(MqttMessage m)
        {
            LastTopic = Ascii.Text(m.Buffer, m.TopicOffset, m.TopicLength);
            LastPayload = new byte[m.PayloadCount];
            Array.Copy(m.Buffer, m.PayloadOffset, LastPayload, 0, m.PayloadCount);
            if (LastTopic != "big/blob") return;
            BigChunks++;
            Assert.IsTrue(m.PayloadCount <= 1024, "chunks");
            Assert.AreEqual(1 << 20, m.PayloadTotalLength, "total");
            Assert.AreEqual(Position, m.PayloadPosition, "position");
            for (int i = 0; i < m.PayloadCount; i++)
            {
                if (m.Buffer[m.PayloadOffset + i] != Pattern(Position + i)) Assert.AreEqual((int)Pattern(Position + i), (int)m.Buffer[m.PayloadOffset + i], "payload");
            }
            Position += m.PayloadCount;
        }
    }

    [TestMethod]
    public void ALargePayloadStreamsFedByteByByte()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 64 });
        b.Open();
        byte[] payload = new byte[1000];
        for (int i = 0; i < payload.Length; i++) payload[i] = (byte)i;
        byte[] packet = Wire.PublishPacket("slow/topic", payload, 2, 3, false, false);
        for (int i = 0; i < packet.Length; i++) b.Feed(packet, i, 1);

        Wire.AreEqual(payload, Payloads(b.Handler), "payload");
        Wire.AreEqual(Wire.Ack(Wire.Pubrec, 3), b.TakeOutput(), "PUBREC");
    }

    [TestMethod]
    public void TheDropPolicySkipsButAcknowledges()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 256, LargePayloads = MqttLargePayloadPolicy.Drop });
        b.Open();
        b.SendPublish("big", new byte[5000], 1, 8);
        b.SendPublish("ok", new byte[10], 0, 0);
        Assert.AreEqual(1, b.Handler.ChunkCount, "chunks");
        Assert.AreEqual("ok", b.Handler.Chunk(0).Topic, "topic");
        Assert.AreEqual(1L, b.Session.MessagesDropped, "dropped");
        Wire.AreEqual(Wire.Ack(Wire.Puback, 8), b.TakeOutput(), "PUBACK");
    }

    [TestMethod]
    public void ATopicLongerThanTheBufferIsSkippedWithANotice()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 64 });
        b.Open();
        b.SendPublish(new string('t', 300), new byte[10], 1, 300);
        b.SendPublish("after", new byte[1], 0, 0);
        // The application hears of it (the topic's first bytes, no payload, total -1), so it can refuse it by name.
        Assert.AreEqual(2, b.Handler.ChunkCount, "chunks");
        Assert.AreEqual(-1, b.Handler.Chunk(0).Total, "notice total");
        Assert.AreEqual(0, b.Handler.Chunk(0).Payload.Length, "notice payload");
        Assert.IsTrue(b.Handler.Chunk(0).Topic.StartsWith("tttt"), "notice topic");
        Assert.AreEqual("after", b.Handler.Chunk(1).Topic, "topic");
        Assert.AreEqual(1L, b.Session.MessagesDropped, "dropped");
        Wire.AreEqual(Wire.Ack(Wire.Puback, 300), b.TakeOutput(), "PUBACK");
    }

    [TestMethod]
    public void ACallbackThatPublishesKeepsTheAck()
    {
        PublishingHandler handler = new PublishingHandler();
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 }, handler);
        handler.Session = b.Session;
        b.Connect.ClientId = "c";
        b.Connect.KeepAliveSeconds = 60;
        b.Open();
        b.SendPublish("in", new byte[1], 1, 9);

        byte[] output = b.TakeOutput();
        Assert.IsTrue(output.Length >= 4, "output");
        Wire.AreEqual(Wire.Ack(Wire.Puback, 9), new byte[] { output[0], output[1], output[2], output[3] }, "PUBACK"); // first
        Assert.IsTrue(handler.Refused > 0, "refused"); // the callback filled the buffer
        Assert.IsTrue(output.Length <= 64, "output");
    }

    sealed class PublishingHandler : IMqttSessionHandler
    {
        public MqttSession Session;
        public int Refused;
        public void OnConnected(bool sessionPresent) { }
        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }
        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnUnsubscribed(int subscriptionIndex) { }

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

        public void OnMessage(MqttMessage message)
        {
            byte[] payload = new byte[20];
            while (Session.Publish("out", payload, 0, 20, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted) { }
            Refused++;
        }
    }

    /// <summary>The payloads of every chunk recorded, joined.</summary>
    internal static byte[] Payloads(RecordingHandler h)
    {
        byte[] all = new byte[0];
        for (int i = 0; i < h.ChunkCount; i++) all = Wire.Join(all, h.Chunk(i).Payload);
        return all;
    }
}
