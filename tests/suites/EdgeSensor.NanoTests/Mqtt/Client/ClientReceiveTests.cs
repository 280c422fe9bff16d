using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>Subscribing through the client and receiving QoS 0/1/2 messages on its I/O thread.</summary>
[TestClass]
public class ClientReceiveTests
{
    /// <summary>SUBSCRIBE cmd/# with this id and QoS.</summary>
    static byte[] Subscribe(int id, int qos)
    {
        byte[] subscribe = Wire.Join(Wire.Hex("820A00000005"), Ascii.Bytes("cmd/#"), new byte[] { (byte)qos });
        subscribe[3] = (byte)id;
        return subscribe;
    }

    /// <summary>Connected and subscribed to cmd/# (QoS 2 granted); the SUBSCRIBE was id 1, written by the caller.</summary>
    static void Subscribed(ClientFixture f)
    {
        f.StartConnected();
        Assert.AreEqual(0, f.Client.Subscribe("cmd/#", MqttQos.ExactlyOnce), "index");
        f.Expect(Subscribe(1, 2), "SUBSCRIBE");
        f.Transport.Deliver(Wire.Suback(1, new byte[] { 2 }));
        Assert.IsTrue(f.Handler.WaitForSubscribeResults(1, ClientFixture.Timeout), "codes");
        Assert.AreEqual("0:2", f.Handler.SubscribeResult(0), "codes");
    }

    static byte[] Led(int qos, int id, bool dup) => Wire.PublishPacket("cmd/led", Ascii.Bytes("on"), qos, id, false, dup);

    static void AssertLed(ClientFixture f, MqttQos qos)
    {
        ReceivedChunk m = f.Handler.Chunk(0);
        Assert.AreEqual("cmd/led", m.Topic, "topic");
        Assert.AreEqual("on", Ascii.Text(m.Payload, 0, m.Payload.Length), "payload");
        Assert.AreEqual((int)qos, (int)m.Qos, "QoS");
        Assert.AreEqual(0, m.SubscriptionIndex, "index");
    }

    [TestMethod]
    public void ASubackCodeIsReported()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            Subscribed(f);
            Assert.AreEqual(1, f.Handler.SubscribeResultCount, "codes");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos0IsDeliveredWithoutAnswer()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            Subscribed(f);
            f.Transport.Deliver(Led(0, 0, false));
            f.Transport.Deliver(Led(1, 7, false));
            Assert.IsTrue(f.Handler.WaitFor(0, 2, ClientFixture.Timeout), "received");
            AssertLed(f, MqttQos.AtMostOnce);
            // The next bytes answer the QoS 1 message: none went out for QoS 0.
            f.Expect(Wire.Ack(Wire.Puback, 7), "PUBACK");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos1IsDeliveredAndAcknowledged()
    {
        // [MQTT-4.3.2-2]
        ClientFixture f = new ClientFixture();
        try
        {
            Subscribed(f);
            f.Transport.Deliver(Led(1, 7, false));
            f.Expect(Wire.Ack(Wire.Puback, 7), "PUBACK");
            Assert.AreEqual(1, f.Handler.MessageCount, "received");
            AssertLed(f, MqttQos.AtLeastOnce);
            Assert.AreEqual(1L, f.Client.MessagesReceived, "received");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos2IsDeliveredOnceAndReleased()
    {
        // [MQTT-4.3.3-2]
        ClientFixture f = new ClientFixture();
        try
        {
            Subscribed(f);
            f.Transport.Deliver(Led(2, 8, false));
            f.Expect(Wire.Ack(Wire.Pubrec, 8), "PUBREC");
            f.Transport.Deliver(Led(2, 8, true));
            f.Expect(Wire.Ack(Wire.Pubrec, 8), "PUBREC");
            f.Transport.Deliver(Wire.Ack(Wire.Pubrel, 8));
            f.Expect(Wire.Ack(Wire.Pubcomp, 8), "PUBCOMP");
            Assert.AreEqual(1, f.Handler.MessageCount, "received");
            AssertLed(f, MqttQos.ExactlyOnce);
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void ALargeMessageArrivesInChunks()
    {
        ClientFixture f = new ClientFixture();
        f.Options.Session.ReceiveBufferSize = 64;
        try
        {
            f.StartConnected();
            byte[] payload = new byte[300];
            for (int i = 0; i < payload.Length; i++) payload[i] = (byte)(i * 7);
            f.Transport.Deliver(Wire.PublishPacket("big", payload, 1, 9, false, false));
            f.Expect(Wire.Ack(Wire.Puback, 9), "PUBACK");
            Assert.IsTrue(f.Handler.ChunkCount > 1, "chunks");
            Wire.AreEqual(payload, PublishInTests.Payloads(f.Handler), "payload");
            Assert.AreEqual(1, f.Handler.MessageCount, "received");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void ASubscribeBeforeStartingGoesOutAfterConnack()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.Create();
            Assert.AreEqual(0, f.Client.Subscribe("cmd/#", MqttQos.AtLeastOnce), "index");
            Assert.AreEqual(0, f.Transport.Untaken, "output");
            f.StartConnected();
            f.Expect(Subscribe(1, 1), "SUBSCRIBE");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AReconnectWithoutSessionSubscribesAgain()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            Subscribed(f);
            f.Transport.CloseFromPeer();
            f.WaitForEvent(2);
            f.ExpectConnect();
            f.Accept(false);
            f.Expect(Subscribe(2, 2), "SUBSCRIBE");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void UnsubscribeIsWrittenByTheCaller()
    {
        // Reserved flags 0010 [MQTT-3.10.1-1].
        ClientFixture f = new ClientFixture();
        try
        {
            Subscribed(f);
            f.Client.Unsubscribe(0);
            f.Expect(Wire.Join(Wire.Hex("A20900020005"), Ascii.Bytes("cmd/#")), "UNSUBSCRIBE");
        }
        finally { f.Stop(); }
    }
}
