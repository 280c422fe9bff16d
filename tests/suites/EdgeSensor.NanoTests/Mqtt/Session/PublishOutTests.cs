using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>PUBLISH from the client: QoS 0/1/2 flows, the inflight window, the outbox, and resends after a reconnect.</summary>
[TestClass]
public class PublishOutTests
{
    static readonly byte[] Payload = new byte[] { 1, 2, 3 };

    static MqttPublishResult Publish(ScriptedBroker b, string topic, MqttQos qos) => b.Session.Publish(topic, Payload, 0, Payload.Length, qos, false);

    static void Accepted(MqttPublishResult result) => Assert.AreEqual((int)MqttPublishResult.Accepted, (int)result, "result");

    /// <summary>The PUBLISH of <see cref="Payload"/> the session should write.</summary>
    static byte[] Expected(string topic, int qos, int id, bool dup) => Wire.PublishPacket(topic, Payload, qos, id, false, dup);

    [TestMethod]
    public void Qos1IsCompletedByPuback()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Accepted(b.Session.Publish("a/b", Payload, 0, 3, MqttQos.AtLeastOnce, true));
        Wire.AreEqual(Wire.PublishPacket("a/b", Payload, 1, 1, true, false), b.TakeOutput(), "PUBLISH"); // QoS 1, retain, id 1
        Assert.AreEqual(1, b.Session.OutboxCount, "outbox"); // kept until PUBACK

        b.SendAck(Wire.Puback, 1);
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed"); // [MQTT-4.3.2-1]
    }

    [TestMethod]
    public void Qos2GoesPublishPubrecPubrelPubcomp()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Publish(b, "a", MqttQos.ExactlyOnce);
        Wire.AreEqual(Expected("a", 2, 1, false), b.TakeOutput(), "PUBLISH");

        b.SendAck(Wire.Pubrec, 1);
        Wire.AreEqual(Wire.Ack(Wire.Pubrel, 1), b.TakeOutput(), "PUBREL"); // [MQTT-4.3.3-1]
        Assert.AreEqual(0L, b.Session.PublishesCompleted, "completed"); // not before PUBCOMP

        b.SendAck(Wire.Pubcomp, 1);
        Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed");
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
    }

    [TestMethod]
    public void OfflineQos0IsRefusedQos1QueuedInOrder()
    {
        ScriptedBroker b = new ScriptedBroker();
        Assert.AreEqual((int)MqttPublishResult.NotConnected, (int)Publish(b, "a", MqttQos.AtMostOnce), "result");
        for (int i = 0; i < 5; i++) Accepted(Publish(b, "q/" + i.ToString(), MqttQos.AtLeastOnce));
        Assert.AreEqual(5, b.Session.OutboxCount, "outbox");

        b.Open();
        byte[][] sent = b.TakePackets();
        Assert.AreEqual(5, sent.Length, "packets");
        for (int i = 0; i < 5; i++) Wire.AreEqual(Expected("q/" + i.ToString(), 1, i + 1, false), sent[i], "PUBLISH"); // first transmission, no DUP
    }

    [TestMethod]
    public void TheInflightWindowLimitsUnacknowledged()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
        b.Open();
        for (int i = 0; i < 5; i++) Publish(b, "w/" + i.ToString(), MqttQos.AtLeastOnce);
        byte[][] first = b.TakePackets();
        Assert.AreEqual(3, first.Length, "packets");
        Assert.AreEqual(3, b.Session.Inflight, "inflight");

        b.SendAck(Wire.Puback, 1);
        Wire.AreEqual(Expected("w/3", 1, 4, false), b.TakeOutput(), "PUBLISH");
        b.SendAck(Wire.Puback, 3); // acknowledgements may come out of order
        Wire.AreEqual(Expected("w/4", 1, 5, false), b.TakeOutput(), "PUBLISH");
    }

    [TestMethod]
    public void OutboxFullIsReportedNothingDropped()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200 });
        int accepted = 0;
        while (Publish(b, "full/" + accepted.ToString(), MqttQos.AtLeastOnce) == MqttPublishResult.Accepted) accepted++;
        Assert.AreEqual((int)MqttPublishResult.OutboxFull, (int)Publish(b, "more", MqttQos.AtLeastOnce), "result");
        Assert.AreEqual(accepted, b.Session.OutboxCount, "outbox");
        Assert.IsTrue(accepted >= 5 && accepted <= 20, "accepted");

        b.Open();
        byte[][] sent = b.TakePackets();
        Assert.AreEqual(accepted, sent.Length, "packets");
        for (int i = 0; i < accepted; i++) Wire.AreEqual(Expected("full/" + i.ToString(), 1, i + 1, false), sent[i], "PUBLISH");
        for (int i = 0; i < accepted; i++) b.SendAck(Wire.Puback, Wire.Id(sent[i]));
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        Accepted(Publish(b, "more", MqttQos.AtLeastOnce)); // space is reused
    }

    [TestMethod]
    public void TheOutboxRingWrapsAndKeepsOrder()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 256, InflightWindow = 2 });
        b.Open();
        string[] topics = new string[500];
        int topicCount = 0;
        int[] pending = new int[1000]; // a queue: ids sent, in order, from pendingHead
        int pendingHead = 0, pendingTail = 0;
        for (int i = 0; i < 500 + 1; i++)
        {
            if (i < 500)
            {
                while (Publish(b, "ring/" + i.ToString(), MqttQos.AtLeastOnce) == MqttPublishResult.OutboxFull)
                {
                    Assert.IsTrue(pendingHead < pendingTail, "pending");
                    b.SendAck(Wire.Puback, pending[pendingHead++]);
                }
            }
            byte[][] sent = b.TakePackets();
            for (int k = 0; k < sent.Length; k++)
            {
                topics[topicCount++] = Wire.Topic(sent[k]);
                pending[pendingTail++] = Wire.Id(sent[k]);
            }
        }
        while (pendingHead < pendingTail)
        {
            b.SendAck(Wire.Puback, pending[pendingHead++]);
            byte[][] sent = b.TakePackets();
            for (int k = 0; k < sent.Length; k++)
            {
                topics[topicCount++] = Wire.Topic(sent[k]);
                pending[pendingTail++] = Wire.Id(sent[k]);
            }
        }
        Assert.AreEqual(500, topicCount, "packets");
        for (int i = 0; i < 500; i++) Assert.AreEqual("ring/" + i.ToString(), topics[i], "topic");
        Assert.AreEqual(500L, b.Session.PublishesCompleted, "completed");
    }

    [TestMethod]
    public void AReconnectResendsWithDupAndTheSameIds()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
        b.Connect.CleanSession = false;
        b.Open();
        for (int i = 0; i < 5; i++) Publish(b, "r/" + i.ToString(), MqttQos.AtLeastOnce);
        Assert.AreEqual(3, b.TakePackets().Length, "packets"); // r/0..r/2 on the wire, r/3 and r/4 wait for the window
        b.SendAck(Wire.Puback, 2);
        Wire.AreEqual(Expected("r/3", 1, 4, false), b.TakeOutput(), "PUBLISH");
        b.Session.ConnectionLost();

        b.Open(true);
        // DUP [MQTT-3.3.1-1], original identifiers and order [MQTT-4.4.0-1].
        Wire.AreEqual(Wire.Join(Expected("r/0", 1, 1, true), Expected("r/2", 1, 3, true), Expected("r/3", 1, 4, true)), b.TakeOutput(), "PUBLISH");

        b.SendAck(Wire.Puback, 1);
        Wire.AreEqual(Expected("r/4", 1, 5, false), b.TakeOutput(), "PUBLISH"); // never sent before: no DUP
    }

    [TestMethod]
    public void AReconnectResendsPubrel()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Open();
        Publish(b, "x", MqttQos.ExactlyOnce);
        Wire.AreEqual(Expected("x", 2, 1, false), b.TakeOutput(), "PUBLISH");
        b.SendAck(Wire.Pubrec, 1);
        b.TakeOutput();
        b.Session.ConnectionLost();

        b.Open(true);
        Wire.AreEqual(Wire.Ack(Wire.Pubrel, 1), b.TakeOutput(), "PUBREL"); // again [MQTT-4.4.0-1]
        b.SendAck(Wire.Pubcomp, 1);
        Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed");
    }

    [TestMethod]
    public void NoSessionCompletesPubrecAndResendsWithDup()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Open();
        Publish(b, "two", MqttQos.ExactlyOnce);
        Publish(b, "one", MqttQos.AtLeastOnce);
        Assert.AreEqual(2, b.TakePackets().Length, "packets");
        b.SendAck(Wire.Pubrec, 1);
        b.TakeOutput();
        b.Session.ConnectionLost();

        b.Open(false); // the broker lost the session (3.2.2.2)
        Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed"); // PUBREC means the broker took the QoS 2 message
        Wire.AreEqual(Expected("one", 1, 2, true), b.TakeOutput(), "PUBLISH");
    }

    [TestMethod]
    public void IdsInUseAreSkippedAcrossTheWrap()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.Session.Subscribe("held/#", MqttQos.AtLeastOnce); // its SUBACK never comes: the id stays in use
        Wire.AreEqual(Wire.Join(Wire.Hex("820B00010006"), Ascii.Bytes("held/#"), new byte[] { 1 }), b.TakeOutput(), "SUBSCRIBE");

        bool[] seen = new bool[65536];
        int distinct = 0;
        byte[] ack = Wire.Ack(Wire.Puback, 0);
        byte[] payload = new byte[3];
        for (int i = 0; i < 70000; i++) // wraps around the 16-bit space
        {
            b.Session.Publish("t", payload, 0, 3, MqttQos.AtLeastOnce, false);
            byte[] p = b.TakeOutput(); // 32 08 00 01 74 id id 00 00 00
            if (p.Length != 10 || p[0] != 0x32) Assert.AreEqual(10, p.Length, "PUBLISH");
            int id = p[5] << 8 | p[6];
            if (id <= 1) // [MQTT-2.3.1-2]: never the id in use, never 0
            {
                Assert.AreNotEqual(1, id, "id");
                Assert.AreNotEqual(0, id, "id");
            }
            if (!seen[id]) distinct++;
            seen[id] = true;
            ack[2] = p[5];
            ack[3] = p[6];
            int taken = b.Receive(ack);
            if (taken != 4) Assert.AreEqual(4, taken, "taken");
        }
        Assert.AreEqual(65534, distinct, "ids"); // every id but the one in use
    }

    [TestMethod]
    public void IdsHeldFromTheLastConnectionAreSkipped()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
        b.Connect.CleanSession = false;
        b.Open();
        for (int i = 0; i < 3; i++) Publish(b, "old/" + i.ToString(), MqttQos.AtLeastOnce);
        Assert.AreEqual(3, b.TakePackets().Length, "packets"); // ids 1, 2, 3
        b.Session.ConnectionLost();

        b.Session.Subscribe("s", MqttQos.AtMostOnce); // asks for an id while the three wait to be resent
        b.Open(true);
        byte[] subscribe = Wire.Hex("8206000400017300");
        Wire.AreEqual(Wire.Join(Expected("old/0", 1, 1, true), Expected("old/1", 1, 2, true), Expected("old/2", 1, 3, true), subscribe),
            b.TakeOutput(), "PUBLISH"); // the same ids resent; SUBSCRIBE takes the next free one [MQTT-2.3.1-2]
    }

    [TestMethod]
    public void ALateOrUnknownAckIsIgnored()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.SendAck(Wire.Puback, 4242);
        b.SendAck(Wire.Pubcomp, 4243);
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
        Assert.AreEqual(0L, b.Session.PublishesCompleted, "completed");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("a/+")]
    [DataRow("a/#")]
    public void AnInvalidTopicIsRefused(string topic) => AssertRefused(topic); // [MQTT-3.3.2-2]

    [TestMethod]
    public void ATopicWithANulByteIsRefused()
    {
        // A nanoFramework string ends at NUL, so the bytes carry it: 'a' 00 'b' [MQTT-4.7.3-2].
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        byte[] topic = Wire.Hex("610062");
        Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)b.Session.Publish(topic, 0, 3, Payload, 0, 3, MqttQos.AtMostOnce, false), "result");
        Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)b.Session.Publish(topic, 0, 3, Payload, 0, 3, MqttQos.AtLeastOnce, false), "result");
        b.AssertNoOutput();
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
    }

    static void AssertRefused(string topic)
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)Publish(b, topic, MqttQos.AtMostOnce), "result");
        Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)Publish(b, topic, MqttQos.AtLeastOnce), "result");
        b.AssertNoOutput();
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
    }

    [TestMethod]
    public void MoreThanTheSendBufferIsTooLarge()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 });
        b.Open();
        byte[] big = new byte[100];
        Assert.AreEqual((int)MqttPublishResult.TooLarge, (int)b.Session.Publish("t", big, 0, big.Length, MqttQos.AtMostOnce, false), "result");
        Assert.AreEqual((int)MqttPublishResult.TooLarge, (int)b.Session.Publish("t", big, 0, big.Length, MqttQos.AtLeastOnce, false), "result");
    }

    [TestMethod]
    public void AFullSendBufferRefusesQos0UntilWritten()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 });
        b.Open();
        b.TakeOutput();
        byte[] payload = new byte[20];
        int accepted = 0;
        while (b.Session.Publish("t", payload, 0, 20, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted) accepted++;
        Assert.AreEqual(2, accepted, "accepted");
        byte[] one = Wire.PublishPacket("t", payload, 0, 0, false, false);
        Wire.AreEqual(Wire.Join(one, one), b.TakeOutput(), "PUBLISH");
        Accepted(b.Session.Publish("t", payload, 0, 20, MqttQos.AtMostOnce, false)); // room again
    }

    [TestMethod]
    public void OutboxLowAtHalfWhileMessagesWait()
    {
        // 12-byte packets ("w/0", 3-byte payload, QoS 1) take 20 bytes each: 10 fill the outbox.
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200, InflightWindow = 3 });
        b.Open();
        for (int i = 0; i < 10; i++) Accepted(Publish(b, "w/" + i.ToString(), MqttQos.AtLeastOnce));
        Assert.AreEqual((int)MqttPublishResult.OutboxFull, (int)Publish(b, "w/x", MqttQos.AtLeastOnce), "result");
        Assert.IsFalse(b.Session.OutboxLow, "low");

        int acked = 0;
        while (b.Session.OutboxCount > 5)
        {
            Assert.IsFalse(b.Session.OutboxLow, "low"); // a producer woken now would find room for one message only
            byte[][] sent = b.TakePackets();
            Assert.IsTrue(sent.Length > 0, "packets"); // the window refills from the outbox after each acknowledgement
            for (int k = 0; k < sent.Length; k++) b.SendAck(Wire.Puback, Wire.Id(sent[k]));
            acked += sent.Length;
        }
        Assert.IsTrue(b.Session.OutboxLow, "low");
        Assert.AreEqual((long)acked, b.Session.PublishesCompleted, "completed");
    }

    [TestMethod]
    public void OutboxLowWhenAllIsTransmitted()
    {
        // The window takes all 10 messages: nothing waits to go out, so the producer must not wait for space.
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200, InflightWindow = 20 });
        b.Open();
        for (int i = 0; i < 10; i++) Publish(b, "w/" + i.ToString(), MqttQos.AtLeastOnce);
        Assert.AreEqual(10, b.TakePackets().Length, "packets");
        Assert.IsTrue(b.Session.OutboxLow, "low");
    }
}
