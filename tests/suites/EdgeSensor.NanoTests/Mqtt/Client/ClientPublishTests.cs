using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>Publishing through the client: what goes on the wire, when, and how each QoS flow completes.</summary>
[TestClass]
public class ClientPublishTests
{
    static readonly byte[] Payload = new byte[] { 1, 2, 3 };

    static MqttPublishResult Publish(ClientFixture f, string topic, MqttQos qos) => f.Client.Publish(topic, Payload, 0, Payload.Length, qos, false);

    static byte[] Expected(string topic, int qos, int id, bool dup) => Wire.PublishPacket(topic, Payload, qos, id, false, dup);

    static void Accepted(MqttPublishResult result) => Assert.AreEqual((int)MqttPublishResult.Accepted, (int)result, "result");

    [TestMethod]
    public void Qos0IsWrittenBeforePublishReturns()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Accepted(f.Client.Publish("t/0", Payload, 0, 3, MqttQos.AtMostOnce, false));
            // The caller's thread writes its own packet: it is there without waiting for the I/O thread.
            Wire.AreEqual(Expected("t/0", 0, 0, false), f.Transport.Take(10, 0), "PUBLISH");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void ATopicInBytesGoesOutTheSame()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Accepted(f.Client.Publish(Ascii.Bytes("t/0"), Payload, 0, 3, MqttQos.AtMostOnce, true));
            Wire.AreEqual(Wire.PublishPacket("t/0", Payload, 0, 0, true, false), f.Transport.Take(10, 0), "PUBLISH");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos0BeforeConnectingIsRefused()
    {
        ClientFixture f = new ClientFixture();
        f.Create();
        Assert.AreEqual((int)MqttPublishResult.NotConnected, (int)Publish(f, "t/0", MqttQos.AtMostOnce), "result");
        Assert.AreEqual(0, f.Transport.Untaken, "output");
    }

    [TestMethod]
    public void Qos1BeforeStartingGoesOutAfterConnack()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.Create();
            Accepted(Publish(f, "t/1", MqttQos.AtLeastOnce));
            Assert.AreEqual(1, f.Client.OutboxCount, "outbox");
            f.StartConnected();
            f.Expect(Expected("t/1", 1, 1, false), "PUBLISH");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos1CompletesOnPuback()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Accepted(Publish(f, "t/1", MqttQos.AtLeastOnce));
            f.Expect(Expected("t/1", 1, 1, false), "PUBLISH");
            Assert.AreEqual(1, f.Client.OutboxCount, "outbox");
            f.Transport.Deliver(Wire.Ack(Wire.Puback, 1));
            f.WaitForCompleted(1);
            Assert.AreEqual(0, f.Client.OutboxCount, "outbox");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos2GoesPubrecPubrelPubcomp()
    {
        // [MQTT-4.3.3-1]: the I/O thread answers PUBREC with PUBREL.
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Accepted(Publish(f, "t/2", MqttQos.ExactlyOnce));
            f.Expect(Expected("t/2", 2, 1, false), "PUBLISH");
            f.Transport.Deliver(Wire.Ack(Wire.Pubrec, 1));
            f.Expect(Wire.Ack(Wire.Pubrel, 1), "PUBREL");
            Assert.AreEqual(0L, f.Client.PublishesCompleted, "completed");
            f.Transport.Deliver(Wire.Ack(Wire.Pubcomp, 1));
            f.WaitForCompleted(1);
            Assert.AreEqual(0, f.Client.OutboxCount, "outbox");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AReconnectResendsWithDupAndItsId()
    {
        // [MQTT-3.3.1-1] [MQTT-4.4.0-1]
        ClientFixture f = new ClientFixture();
        f.Options.Connect.CleanSession = false;
        try
        {
            f.StartConnected();
            Accepted(Publish(f, "t/1", MqttQos.AtLeastOnce));
            f.Expect(Expected("t/1", 1, 1, false), "PUBLISH");
            f.Transport.CloseFromPeer();
            f.WaitForEvent(2);
            f.ExpectConnect();
            f.Accept(true);
            f.Expect(Expected("t/1", 1, 1, true), "PUBLISH");
            f.Transport.Deliver(Wire.Ack(Wire.Puback, 1));
            f.WaitForCompleted(1);
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AnAckWakesAProducerFacingAFullOutbox()
    {
        ClientFixture f = new ClientFixture();
        f.Options.Session.OutboxSize = 200; // 18 bytes a message ("q", 3 bytes, QoS 1, with the entry's header): 11 fit
        try
        {
            f.StartConnected();
            int accepted = 0;
            while (Publish(f, "q", MqttQos.AtLeastOnce) == MqttPublishResult.Accepted) accepted++;
            Assert.AreEqual(11, accepted, "accepted");
            Assert.AreEqual(110, f.Transport.Take(110, ClientFixture.Timeout).Length, "output");
            Assert.IsFalse(f.Client.WaitForProgress(0), "progress");
            f.Transport.Deliver(Wire.Ack(Wire.Puback, 1));
            Assert.IsTrue(f.Client.WaitForProgress(ClientFixture.Timeout), "progress");
            Accepted(Publish(f, "q", MqttQos.AtLeastOnce));
            f.Expect(Expected("q", 1, 12, false), "PUBLISH");
        }
        finally { f.Stop(); }
    }
}
