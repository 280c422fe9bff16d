using System;
using System.Threading;
using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>PublishAndWait over the in-memory transport: the broker's side answers from a thread of its own.</summary>
[TestClass]
public class ClientCompletionTests
{
    static readonly byte[] Payload = new byte[] { 1, 2, 3 };

    static byte[] Expected(int qos, int id) => Wire.PublishPacket("t", Payload, qos, id, false, false);

    static MqttPublishResult PublishAndWait(ClientFixture f, MqttQos qos, int timeoutMs) => f.Client.PublishAndWait("t", Payload, 0, 3, qos, false, timeoutMs);

    [TestMethod]
    public void Qos2ReturnsCompletedAfterPubcomp()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Thread broker = new Thread(() =>
            {
                f.Expect(Expected(2, 1), "PUBLISH");
                f.Transport.Deliver(Wire.Ack(Wire.Pubrec, 1));
                f.Expect(Wire.Ack(Wire.Pubrel, 1), "PUBREL");
                f.Transport.Deliver(Wire.Ack(Wire.Pubcomp, 1));
            });
            broker.Start();
            Assert.AreEqual((int)MqttPublishResult.Completed, (int)PublishAndWait(f, MqttQos.ExactlyOnce, ClientFixture.Timeout), "result");
            Assert.AreEqual("1:0", f.Handler.Completion(0), "done"); // the application heard it first
            broker.Join();
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void Qos0ReturnsCompletedOnceWritten()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Assert.AreEqual((int)MqttPublishResult.Completed, (int)PublishAndWait(f, MqttQos.AtMostOnce, ClientFixture.Timeout), "result");
            Wire.AreEqual(Expected(0, 0), f.Transport.Take(8, 0), "PUBLISH");
            Assert.AreEqual(0, f.Handler.CompletionCount, "done");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void WithoutAckItTimesOutAndTheCallbackFollows()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Assert.AreEqual((int)MqttPublishResult.TimedOut, (int)PublishAndWait(f, MqttQos.AtLeastOnce, 50), "result");
            f.Expect(Expected(1, 1), "PUBLISH");
            Assert.AreEqual(1, f.Client.OutboxCount, "outbox");
            f.Transport.Deliver(Wire.Ack(Wire.Puback, 1));
            f.WaitForCompleted(1);
            Assert.AreEqual("1:0", f.Handler.Completion(0), "done");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void RefusalsAnswerAtOnce()
    {
        ClientFixture f = new ClientFixture();
        f.Create();
        Assert.AreEqual((int)MqttPublishResult.NotConnected, (int)PublishAndWait(f, MqttQos.AtMostOnce, ClientFixture.Timeout), "result");
    }

    [TestMethod]
    public void DisposeEndsAWaitForCompletion()
    {
        ClientFixture f = new ClientFixture();
        f.Create(); // never started: the message stays in the outbox
        Assert.AreEqual((int)MqttPublishResult.Accepted, (int)f.Client.Publish("t", Payload, 0, 3, MqttQos.AtLeastOnce, false, out int id), "result");
        bool completed = true;
        Thread waiter = new Thread(() => completed = f.Client.WaitForCompletion(id, 60000));
        waiter.Start();
        f.Client.Dispose();
        Assert.IsTrue(waiter.Join(ClientFixture.Timeout), "the waiter returned");
        Assert.IsFalse(completed, "not completed");
    }

    [TestMethod]
    public void AStreamedPayloadCompletesLikeAnyMessage()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.Options.Session.SendBufferSize = 64;
            f.StartConnected();
            PatternSource source = new PatternSource(300);
            Thread broker = new Thread(() =>
            {
                f.Expect(Wire.Join(Wire.PublishHeader("t", 300, 1, 1, false, false), PatternSource.Bytes(300)), "PUBLISH");
                f.Transport.Deliver(Wire.Ack(Wire.Puback, 1));
            });
            broker.Start();
            Assert.AreEqual((int)MqttPublishResult.Accepted, (int)f.Client.Publish("t", source, 300, MqttQos.AtLeastOnce, false, out int id), "result");
            Assert.IsTrue(f.Client.WaitForCompletion(id, ClientFixture.Timeout), "completed");
            Assert.AreEqual("1:0", f.Handler.Completion(0), "done");
            broker.Join();
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void FromACallbackItThrows()
    {
        ClientFixture f = new ClientFixture();
        WaitingHandler h = new WaitingHandler();
        try
        {
            f.Client = new MqttClient(f.Transport, f.Clock, f.Options, h);
            h.Client = f.Client;
            f.Start();
            f.ExpectConnect();
            f.Transport.Deliver(Wire.Connack(false, 0));
            Assert.IsTrue(f.Client.WaitForConnection(ClientFixture.Timeout), "connected");
            Assert.IsTrue(h.Threw, "threw");
        }
        finally { f.Stop(); }
    }

    sealed class WaitingHandler : IMqttSessionHandler
    {
        public MqttClient Client;
        public bool Threw;

        public void OnConnected(bool sessionPresent)
        {
            try { Client.PublishAndWait("t", Payload, 0, 3, MqttQos.AtLeastOnce, false, 10); }
            catch (InvalidOperationException) { Threw = true; }
        }

        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }

        public void OnMessage(MqttMessage message) { }

        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnUnsubscribed(int subscriptionIndex) { }

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
    }
}
