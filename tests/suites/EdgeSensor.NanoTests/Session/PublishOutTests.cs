using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session
{
    /// <summary>PUBLISH from the client: QoS 0/1/2 flows, the inflight window, the outbox, and resends after a reconnect.</summary>
    [TestClass]
    public class PublishOutTests
    {
        static readonly byte[] Payload = new byte[] { 1, 2, 3 };

        static MqttPublishResult Publish(ScriptedBroker b, string topic, MqttQos qos) => b.Session.Publish(topic, Payload, 0, Payload.Length, qos, false);

        static void Accepted(MqttPublishResult result, string what) => Assert.AreEqual((int)MqttPublishResult.Accepted, (int)result, what);

        /// <summary>The PUBLISH of <see cref="Payload"/> the session should write.</summary>
        static byte[] Expected(string topic, int qos, int id, bool dup) => Wire.PublishPacket(topic, Payload, qos, id, false, dup);

        [TestMethod]
        public void Qos1IsCompletedByPuback()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            Accepted(b.Session.Publish("a/b", Payload, 0, 3, MqttQos.AtLeastOnce, true), "publish");
            Wire.AreEqual("330A0003612F620001010203", b.TakeOutput(), "PUBLISH QoS 1, retain, id 1");
            Assert.AreEqual(1, b.Session.OutboxCount, "kept until PUBACK");

            b.SendAck(Wire.Puback, 1);
            Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
            Assert.AreEqual(1L, b.Session.PublishesCompleted, "[MQTT-4.3.2-1]");
        }

        [TestMethod]
        public void Qos2GoesPublishPubrecPubrelPubcomp()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            Publish(b, "a", MqttQos.ExactlyOnce);
            Wire.AreEqual("34080001610001010203", b.TakeOutput(), "PUBLISH QoS 2");

            b.SendAck(Wire.Pubrec, 1);
            Wire.AreEqual("62020001", b.TakeOutput(), "PUBREL [MQTT-4.3.3-1]");
            Assert.AreEqual(0L, b.Session.PublishesCompleted, "not before PUBCOMP");

            b.SendAck(Wire.Pubcomp, 1);
            Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed");
            Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        }

        [TestMethod]
        public void Qos0IsNotKeptWhileDisconnectedAndQos1IsQueuedAndSentInOrderOnConnect()
        {
            ScriptedBroker b = new ScriptedBroker();
            Assert.AreEqual((int)MqttPublishResult.NotConnected, (int)Publish(b, "a", MqttQos.AtMostOnce), "QoS 0");
            for (int i = 0; i < 5; i++) Accepted(Publish(b, "q/" + i.ToString(), MqttQos.AtLeastOnce), "QoS 1");
            Assert.AreEqual(5, b.Session.OutboxCount, "queued");

            b.Open();
            byte[][] sent = b.TakePackets();
            Assert.AreEqual(5, sent.Length, "sent");
            for (int i = 0; i < 5; i++) Wire.AreEqual(Expected("q/" + i.ToString(), 1, i + 1, false), sent[i], "first transmission, no DUP");
        }

        [TestMethod]
        public void TheInflightWindowLimitsUnacknowledgedMessages()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
            b.Open();
            for (int i = 0; i < 5; i++) Publish(b, "w/" + i.ToString(), MqttQos.AtLeastOnce);
            byte[][] first = b.TakePackets();
            Assert.AreEqual(3, first.Length, "window");
            Assert.AreEqual(3, b.Session.Inflight, "inflight");

            b.SendAck(Wire.Puback, 1);
            Wire.AreEqual(Expected("w/3", 1, 4, false), b.TakeOutput(), "the window opened");
            b.SendAck(Wire.Puback, 3); // acknowledgements may come out of order
            Wire.AreEqual(Expected("w/4", 1, 5, false), b.TakeOutput(), "out of order");
        }

        [TestMethod]
        public void OutboxFullIsReportedAndNothingIsDropped()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200 });
            int accepted = 0;
            while (Publish(b, "full/" + accepted.ToString(), MqttQos.AtLeastOnce) == MqttPublishResult.Accepted) accepted++;
            Assert.AreEqual((int)MqttPublishResult.OutboxFull, (int)Publish(b, "more", MqttQos.AtLeastOnce), "full");
            Assert.AreEqual(accepted, b.Session.OutboxCount, "count");
            Assert.IsTrue(accepted >= 5 && accepted <= 20, "accepted " + accepted.ToString());

            b.Open();
            byte[][] sent = b.TakePackets();
            Assert.AreEqual(accepted, sent.Length, "all sent");
            for (int i = 0; i < accepted; i++) Wire.AreEqual(Expected("full/" + i.ToString(), 1, i + 1, false), sent[i], "in order");
            for (int i = 0; i < accepted; i++) b.SendAck(Wire.Puback, Wire.Id(sent[i]));
            Assert.AreEqual(0, b.Session.OutboxCount, "acknowledged");
            Accepted(Publish(b, "more", MqttQos.AtLeastOnce), "space is reused");
        }

        [TestMethod]
        public void TheOutboxRingWrapsAroundAndKeepsOrder()
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
                        Assert.IsTrue(pendingHead < pendingTail, "full with nothing to acknowledge");
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
            Assert.AreEqual(500, topicCount, "sent");
            for (int i = 0; i < 500; i++) Assert.AreEqual("ring/" + i.ToString(), topics[i], "order");
            Assert.AreEqual(500L, b.Session.PublishesCompleted, "completed");
        }

        [TestMethod]
        public void AReconnectResendsTheUnacknowledgedInOriginalOrderWithDupAndTheSameIds()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
            b.Connect.CleanSession = false;
            b.Open();
            for (int i = 0; i < 5; i++) Publish(b, "r/" + i.ToString(), MqttQos.AtLeastOnce);
            Assert.AreEqual(3, b.TakePackets().Length, "r/0..r/2 on the wire, r/3 and r/4 wait for the window");
            b.SendAck(Wire.Puback, 2);
            Wire.AreEqual(Expected("r/3", 1, 4, false), b.TakeOutput(), "r/3 goes out");
            b.Session.ConnectionLost();

            b.Open(true);
            // DUP [MQTT-3.3.1-1], original identifiers and order [MQTT-4.4.0-1].
            Wire.AreEqual(Wire.Join(Expected("r/0", 1, 1, true), Expected("r/2", 1, 3, true), Expected("r/3", 1, 4, true)), b.TakeOutput(), "resent");

            b.SendAck(Wire.Puback, 1);
            Wire.AreEqual(Expected("r/4", 1, 5, false), b.TakeOutput(), "never sent before: no DUP");
        }

        [TestMethod]
        public void AReconnectResendsPubrelForAQos2MessageTheBrokerReceived()
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
            Wire.AreEqual("62020001", b.TakeOutput(), "PUBREL again [MQTT-4.4.0-1]");
            b.SendAck(Wire.Pubcomp, 1);
            Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed");
        }

        [TestMethod]
        public void AReconnectWithoutSessionCompletesReleasedQos2AndResendsTheUnacknowledgedWithDup()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Connect.CleanSession = false;
            b.Open();
            Publish(b, "two", MqttQos.ExactlyOnce);
            Publish(b, "one", MqttQos.AtLeastOnce);
            Assert.AreEqual(2, b.TakePackets().Length, "sent");
            b.SendAck(Wire.Pubrec, 1);
            b.TakeOutput();
            b.Session.ConnectionLost();

            b.Open(false); // the broker lost the session (3.2.2.2)
            Assert.AreEqual(1L, b.Session.PublishesCompleted, "PUBREC means the broker took the QoS 2 message");
            Wire.AreEqual(Expected("one", 1, 2, true), b.TakeOutput(), "resent with DUP");
        }

        [TestMethod]
        public void PacketIdsAreNeverReusedWhileInUseAcrossTheWrapAround()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            b.Session.Subscribe("held/#", MqttQos.AtLeastOnce); // its SUBACK never comes: the id stays in use
            Wire.AreEqual("820B00010006" + "68656C642F23" + "01", b.TakeOutput(), "SUBSCRIBE id 1");

            bool[] seen = new bool[65536];
            int distinct = 0;
            byte[] ack = new byte[] { 0x40, 2, 0, 0 };
            byte[] payload = new byte[3];
            for (int i = 0; i < 70000; i++) // wraps around the 16-bit space
            {
                b.Session.Publish("t", payload, 0, 3, MqttQos.AtLeastOnce, false);
                byte[] p = b.TakeOutput(); // 32 08 00 01 74 id id 00 00 00
                if (p.Length != 10 || p[0] != 0x32) Assert.AreEqual("one PUBLISH QoS 1", Sensors.Hex.Text(p), "packet " + i.ToString());
                int id = p[5] << 8 | p[6];
                if (id == 0 || id == 1) Assert.IsTrue(false, "[MQTT-2.3.1-2] id " + id.ToString() + " at publish " + i.ToString());
                if (!seen[id]) distinct++;
                seen[id] = true;
                ack[2] = p[5];
                ack[3] = p[6];
                if (b.Receive(ack) != 4) Assert.IsTrue(false, "PUBACK not taken at publish " + i.ToString());
            }
            Assert.AreEqual(65534, distinct, "every id but the one in use");
        }

        [TestMethod]
        public void PacketIdsHeldByUnacknowledgedMessagesFromTheLastConnectionAreNotReused()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { InflightWindow = 3 });
            b.Connect.CleanSession = false;
            b.Open();
            for (int i = 0; i < 3; i++) Publish(b, "old/" + i.ToString(), MqttQos.AtLeastOnce);
            Assert.AreEqual(3, b.TakePackets().Length, "ids 1, 2, 3");
            b.Session.ConnectionLost();

            b.Session.Subscribe("s", MqttQos.AtMostOnce); // asks for an id while the three wait to be resent
            b.Open(true);
            byte[] subscribe = new byte[] { 0x82, 6, 0, 4, 0, 1, (byte)'s', 0 };
            Wire.AreEqual(Wire.Join(Wire.Join(Expected("old/0", 1, 1, true), Expected("old/1", 1, 2, true), Expected("old/2", 1, 3, true)), subscribe),
                b.TakeOutput(), "the same ids resent; SUBSCRIBE takes the next free one [MQTT-2.3.1-2]");
        }

        [TestMethod]
        public void ALateOrUnknownAcknowledgementIsIgnored()
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
            byte[] topic = new byte[] { 0x61, 0x00, 0x62 };
            Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)b.Session.Publish(topic, 0, 3, Payload, 0, 3, MqttQos.AtMostOnce, false), "QoS 0");
            Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)b.Session.Publish(topic, 0, 3, Payload, 0, 3, MqttQos.AtLeastOnce, false), "QoS 1");
            b.AssertNoOutput();
            Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        }

        static void AssertRefused(string topic)
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)Publish(b, topic, MqttQos.AtMostOnce), "QoS 0");
            Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)Publish(b, topic, MqttQos.AtLeastOnce), "QoS 1");
            b.AssertNoOutput();
            Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        }

        [TestMethod]
        public void AMessageLargerThanTheSendBufferIsTooLarge()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 });
            b.Open();
            byte[] big = new byte[100];
            Assert.AreEqual((int)MqttPublishResult.TooLarge, (int)b.Session.Publish("t", big, 0, big.Length, MqttQos.AtMostOnce, false), "QoS 0");
            Assert.AreEqual((int)MqttPublishResult.TooLarge, (int)b.Session.Publish("t", big, 0, big.Length, MqttQos.AtLeastOnce, false), "QoS 1");
        }

        [TestMethod]
        public void AFullSendBufferRefusesQos0UntilTheTransportWrites()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { SendBufferSize = 64 });
            b.Open();
            b.TakeOutput();
            byte[] payload = new byte[20];
            int accepted = 0;
            while (b.Session.Publish("t", payload, 0, 20, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted) accepted++;
            Assert.AreEqual(2, accepted, "accepted");
            byte[] one = Wire.PublishPacket("t", payload, 0, 0, false, false);
            Wire.AreEqual(Wire.Join(one, one), b.TakeOutput(), "two PUBLISHes");
            Accepted(b.Session.Publish("t", payload, 0, 20, MqttQos.AtMostOnce, false), "room again");
        }

        [TestMethod]
        public void OutboxLowOnlyOnceHalfTheOutboxIsFreeWhileMessagesWaitForTheWindow()
        {
            // 12-byte packets ("w/0", 3-byte payload, QoS 1) take 20 bytes each: 10 fill the outbox.
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200, InflightWindow = 3 });
            b.Open();
            for (int i = 0; i < 10; i++) Accepted(Publish(b, "w/" + i.ToString(), MqttQos.AtLeastOnce), "publish");
            Assert.AreEqual((int)MqttPublishResult.OutboxFull, (int)Publish(b, "w/x", MqttQos.AtLeastOnce), "full");
            Assert.IsFalse(b.Session.OutboxLow, "full");

            int acked = 0;
            while (b.Session.OutboxCount > 5)
            {
                Assert.IsFalse(b.Session.OutboxLow, "a producer woken now would find room for one message only");
                byte[][] sent = b.TakePackets();
                Assert.IsTrue(sent.Length > 0, "the window refills from the outbox after each acknowledgement");
                for (int k = 0; k < sent.Length; k++) b.SendAck(Wire.Puback, Wire.Id(sent[k]));
                acked += sent.Length;
            }
            Assert.IsTrue(b.Session.OutboxLow, "half free");
            Assert.AreEqual((long)acked, b.Session.PublishesCompleted, "completed");
        }

        [TestMethod]
        public void OutboxLowWhenEverythingQueuedIsTransmittedEvenIfMoreThanHalfFull()
        {
            // The window takes all 10 messages: nothing waits to go out, so the producer must not wait for space.
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { OutboxSize = 200, InflightWindow = 20 });
            b.Open();
            for (int i = 0; i < 10; i++) Publish(b, "w/" + i.ToString(), MqttQos.AtLeastOnce);
            Assert.AreEqual(10, b.TakePackets().Length, "all sent");
            Assert.IsTrue(b.Session.OutboxLow, "low");
        }
    }
}
