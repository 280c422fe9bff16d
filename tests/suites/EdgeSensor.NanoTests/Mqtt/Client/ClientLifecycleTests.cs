using System;
using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>Start after Stop or Abort with the same session and subscription slots; Start twice; Dispose; UNSUBACK through the client.</summary>
[TestClass]
public class ClientLifecycleTests
{
    static byte[] Sub(int id, string filter, int qos) => Wire.Join(new byte[] { 0x82, (byte)(5 + filter.Length), 0, (byte)id, 0, (byte)filter.Length }, Ascii.Bytes(filter), new byte[] { (byte)qos });

    /// <summary>Connected, "a" in slot 0 and "cmd/#" in slot 1 (QoS 2 granted); returns slot 1.</summary>
    static int Subscribed(ClientFixture f)
    {
        f.StartConnected();
        f.Client.Subscribe("a", MqttQos.AtMostOnce);
        int i = f.Client.Subscribe("cmd/#", MqttQos.ExactlyOnce);
        f.Expect(Wire.Join(Sub(1, "a", 0), Sub(2, "cmd/#", 2)), "SUBSCRIBEs");
        Assert.AreEqual(MqttSubscribeResult.Pending, f.Client.SubscriptionResult(i), "pending");
        f.Transport.Deliver(Wire.Join(Wire.Suback(1, new byte[] { 0 }), Wire.Suback(2, new byte[] { 2 })));
        Assert.IsTrue(f.Handler.WaitForSubscribeResults(2, ClientFixture.Timeout), "codes");
        Assert.AreEqual(2, f.Client.SubscriptionResult(i), "granted");
        return i;
    }

    [TestMethod]
    public void StartAfterStopResumesTheSessionAndItsSlots()
    {
        ClientFixture f = new ClientFixture();
        f.Options.Connect.CleanSession = false;
        try
        {
            int i = Subscribed(f);
            Assert.IsTrue(f.Client.Stop(ClientFixture.Timeout), "ended");
            f.Expect(Wire.Empty(Wire.Disconnect), "DISCONNECT");
            Assert.IsFalse(f.Client.IsRunning, "running");
            f.Start();
            Assert.IsTrue(f.Client.IsRunning, "running");
            f.ExpectConnect();
            f.Accept(true); // the broker kept the subscriptions: none is sent again
            f.Transport.Deliver(Wire.PublishPacket("cmd/led", Ascii.Bytes("on"), 0, 0, false, false));
            Assert.IsTrue(f.Handler.WaitFor(0, 1, ClientFixture.Timeout), "message");
            Assert.AreEqual(i, f.Handler.Chunk(0).SubscriptionIndex, "index");
            Assert.AreEqual(0, f.Transport.Untaken, "output");
            Assert.AreEqual(RecordingHandler.Connected(true), f.Handler.LastEvent, "event");
            Assert.AreEqual(2, f.Transport.Opens, "opens");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void StartAfterAbortSubscribesAgainWithoutSession()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            int i = Subscribed(f);
            Assert.IsTrue(f.Client.Abort(ClientFixture.Timeout), "ended");
            f.Start();
            f.ExpectConnect();
            f.Accept(false);
            f.Expect(Wire.Join(Wire.Hex("820E00030001"), Ascii.Bytes("a"), Wire.Hex("000005"), Ascii.Bytes("cmd/#"), new byte[] { 2 }), "SUBSCRIBE"); // one packet, both slots
            Assert.AreEqual(MqttSubscribeResult.Pending, f.Client.SubscriptionResult(i), "pending");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void StartWhileRunningIsAnError()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            Assert.ThrowsException(typeof(InvalidOperationException), () => f.Client.Start(), "twice");
            Assert.IsTrue(f.Client.IsConnected, "connected");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void DisposeStopsAndRefusesStart()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Client.Dispose();
            f.Expect(Wire.Empty(Wire.Disconnect), "DISCONNECT");
            Assert.IsFalse(f.Client.IsRunning, "running");
            Assert.IsFalse(f.Client.WaitForConnection(ClientFixture.Timeout), "connected");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => f.Client.Start(), "start");
            f.Client.Dispose();
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void UnsubackReachesTheApplication()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            int i = Subscribed(f);
            Assert.IsTrue(f.Client.Unsubscribe(i), "removed");
            f.Expect(Wire.Join(Wire.Hex("A20900030005"), Ascii.Bytes("cmd/#")), "UNSUBSCRIBE");
            Assert.AreEqual(MqttSubscribeResult.Unsubscribing, f.Client.SubscriptionResult(i), "unsubscribing");
            f.Transport.Deliver(Wire.Ack(Wire.Unsuback, 3));
            Assert.AreEqual(RecordingHandler.Unsubscribed(i), f.WaitForEvent(2), "event");
            Assert.AreEqual(MqttSubscribeResult.Unsubscribed, f.Client.SubscriptionResult(i), "free");
            Assert.IsFalse(f.Client.Unsubscribe(i), "again");
        }
        finally { f.Stop(); }
    }
}
