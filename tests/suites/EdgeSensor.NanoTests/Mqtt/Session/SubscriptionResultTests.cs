using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>What became of each subscription, read per slot; refusals and UNSUBACK; requests refused by a result, not an exception.</summary>
[TestClass]
public class SubscriptionResultTests
{
    static void AreResult(int expected, ScriptedBroker b, int index) => Assert.AreEqual(expected, b.Session.Subscriptions.Result(index), "result " + index.ToString());

    [TestMethod]
    public void SubackCodesAreReadablePerSlot()
    {
        // One return code per filter, in the SUBSCRIBE's order [MQTT-3.9.3-1]; the QoS granted may be lower than asked.
        ScriptedBroker b = new ScriptedBroker();
        int i = b.Session.Subscribe(new string[] { "a", "b", "c" }, new MqttQos[] { MqttQos.AtMostOnce, MqttQos.ExactlyOnce, MqttQos.AtLeastOnce });
        AreResult(MqttSubscribeResult.Pending, b, i); // offline: asked for at the connect
        b.Open();
        Assert.AreEqual(Wire.Subscribe, Wire.Type(b.TakeSingle()), "SUBSCRIBE");
        AreResult(MqttSubscribeResult.Pending, b, i + 1);
        b.SendSuback(1, Wire.Hex("000180"));
        AreResult(0, b, i);
        AreResult(1, b, i + 1);
        AreResult(MqttSubscribeResult.Failure, b, i + 2);
        AreResult(MqttSubscribeResult.Unsubscribed, b, i + 3);
        AreResult(MqttSubscribeResult.Unsubscribed, b, -1);
    }

    [TestMethod]
    public void ARefusedFilterIsNotAskedAgainOnReconnect()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int ok = b.Session.Subscribe("ok", MqttQos.AtLeastOnce);
        int no = b.Session.Subscribe("no", MqttQos.AtLeastOnce);
        Assert.AreEqual(2, b.TakePackets().Length, "SUBSCRIBEs");
        b.SendSuback(1, new byte[] { 1 });
        b.SendSuback(2, new byte[] { 0x80 });
        b.Session.ConnectionLost();
        b.Open(false);
        // Only the granted one goes again: the broker has no session.
        Wire.AreEqual(Wire.Join(Wire.Hex("820700030002"), Ascii.Bytes("ok"), new byte[] { 1 }), b.TakeOutput(), "SUBSCRIBE");
        AreResult(MqttSubscribeResult.Pending, b, ok);
        AreResult(MqttSubscribeResult.Failure, b, no);
        b.SendPublish("no", new byte[1], 0, 0);
        Assert.AreEqual(-1, b.Handler.Chunk(0).SubscriptionIndex, "not routed");
    }

    [TestMethod]
    public void SubscribingARefusedFilterAgainKeepsItsSlot()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int no = b.Session.Subscribe("no", MqttQos.AtLeastOnce);
        b.TakeOutput();
        b.SendSuback(1, new byte[] { 0x80 });
        Assert.AreEqual(no, b.Session.Subscribe("no", MqttQos.AtLeastOnce), "slot");
        Wire.AreEqual(Wire.Join(Wire.Hex("820700020002"), Ascii.Bytes("no"), new byte[] { 1 }), b.TakeOutput(), "SUBSCRIBE");
        b.SendSuback(2, new byte[] { 1 });
        AreResult(1, b, no);
        Assert.AreEqual(no.ToString() + ":1", b.Handler.SubscribeResult(1), "reported");
    }

    [TestMethod]
    public void UnsubackFreesTheSlotOfItsPacketId()
    {
        // The UNSUBACK carries the UNSUBSCRIBE's packet identifier [MQTT-3.11.2-1]: another one frees nothing.
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int i = b.Session.Subscribe("x", MqttQos.AtMostOnce);
        b.TakeOutput();
        b.SendSuback(1, new byte[] { 0 });
        Assert.IsTrue(b.Session.Unsubscribe(i), "removed");
        Assert.AreEqual(2, Wire.Id(b.TakeSingle()), "UNSUBSCRIBE id");
        AreResult(MqttSubscribeResult.Unsubscribing, b, i);
        Assert.IsFalse(b.Session.Unsubscribe(i), "twice");
        b.SendAck(Wire.Unsuback, 7);
        AreResult(MqttSubscribeResult.Unsubscribing, b, i);
        Assert.AreEqual(1, b.Handler.EventCount, "events");
        b.SendAck(Wire.Unsuback, 2);
        AreResult(MqttSubscribeResult.Unsubscribed, b, i);
        Assert.AreEqual(RecordingHandler.Unsubscribed(i), b.Handler.LastEvent, "reported");
    }

    [TestMethod]
    public void AnUnsubscribeTheBrokerForgotIsReportedAtConnect()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int i = b.Session.Subscribe("x", MqttQos.AtMostOnce);
        b.TakeOutput();
        b.SendSuback(1, new byte[] { 0 });
        b.Session.ConnectionLost();
        Assert.IsTrue(b.Session.Unsubscribe(i), "removed");
        b.Open(false);
        b.AssertNoOutput(); // no session, no subscription to remove
        AreResult(MqttSubscribeResult.Unsubscribed, b, i);
        Assert.AreEqual(RecordingHandler.Unsubscribed(i), b.Handler.Event(2), "reported");
    }

    [TestMethod]
    public void RequestsAreRefusedByResult()
    {
        MqttSessionOptions options = new MqttSessionOptions();
        options.MaxSubscriptions = 2;
        ScriptedBroker b = new ScriptedBroker(options);
        Assert.AreEqual(MqttSubscribeResult.InvalidFilter, b.Session.Subscribe(new string[] { "a" }, new MqttQos[0]), "no QoS");
        Assert.AreEqual(MqttSubscribeResult.InvalidFilter, b.Session.Subscribe("a", (MqttQos)3), "QoS 3");
        Assert.AreEqual(MqttSubscribeResult.NoFreeSlot, b.Session.Subscribe(new string[] { "a", "b", "c" }, new MqttQos[3]), "full");
        Assert.AreEqual(0, b.Session.Subscribe("a", MqttQos.AtMostOnce), "index");
        Assert.IsFalse(b.Session.Unsubscribe(1), "free slot");
        Assert.IsFalse(b.Session.Unsubscribe(-1), "no slot");
        Assert.IsFalse(b.Session.Unsubscribe(2), "no slot");
    }
}
