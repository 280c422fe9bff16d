using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>SUBSCRIBE and UNSUBSCRIBE flows, routing by subscription index, and subscribing again after a reconnect.</summary>
[TestClass]
public class SubscribeTests
{
    [TestMethod]
    public void FiltersShareOneSubscribeAndEachCodeIsReported()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int first = b.Session.Subscribe(new string[] { "a/+", "b/#", "forbidden" }, new MqttQos[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce });
        // Reserved flags 0010 [MQTT-3.8.1-1]; each filter followed by its requested QoS.
        Wire.AreEqual(Wire.Join(Wire.Hex("821A00010003"), Ascii.Bytes("a/+"), Wire.Hex("000003"), Ascii.Bytes("b/#"), Wire.Hex("010009"), Ascii.Bytes("forbidden"), new byte[] { 2 }), b.TakeOutput(), "SUBSCRIBE");

        b.SendSuback(1, Wire.Hex("000180"));
        Assert.AreEqual(3, b.Handler.SubscribeResultCount, "codes");
        Assert.AreEqual(first.ToString() + ":0", b.Handler.SubscribeResult(0), "codes");
        Assert.AreEqual((first + 1).ToString() + ":1", b.Handler.SubscribeResult(1), "codes");
        Assert.AreEqual((first + 2).ToString() + ":128", b.Handler.SubscribeResult(2), "codes");
        Assert.AreEqual((int)SubscriptionState.Refused, (int)b.Session.Subscriptions.State(first + 2), "state");
    }

    [TestMethod]
    public void MessagesCarryTheMatchingSubscription()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int cmd = b.Session.Subscribe("dev/cmd/+", MqttQos.AtLeastOnce);
        int all = b.Session.Subscribe("other/#", MqttQos.AtMostOnce);
        b.SendPublish("dev/cmd/relay", new byte[] { 1 }, 0, 0);
        b.SendPublish("other/x/y", new byte[] { 1 }, 0, 0);
        b.SendPublish("unrelated", new byte[] { 1 }, 0, 0);
        Assert.AreEqual(3, b.Handler.ChunkCount, "chunks");
        Assert.AreEqual(cmd, b.Handler.Chunk(0).SubscriptionIndex, "index");
        Assert.AreEqual(all, b.Handler.Chunk(1).SubscriptionIndex, "index");
        Assert.AreEqual(-1, b.Handler.Chunk(2).SubscriptionIndex, "index");
    }

    [TestMethod]
    public void OnlyAReconnectWithoutSessionSubscribesAgain()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Open();
        b.Session.Subscribe("keep/#", MqttQos.AtLeastOnce);
        Wire.AreEqual(Wire.Join(Wire.Hex("820B00010006"), Ascii.Bytes("keep/#"), new byte[] { 1 }), b.TakeOutput(), "SUBSCRIBE");
        b.SendSuback(1, new byte[] { 1 });

        b.Session.ConnectionLost();
        b.Open(true);
        b.AssertNoOutput();

        b.Session.ConnectionLost();
        b.Open(false);
        Wire.AreEqual(Wire.Join(Wire.Hex("820B00020006"), Ascii.Bytes("keep/#"), new byte[] { 1 }), b.TakeOutput(), "SUBSCRIBE"); // again, next id
    }

    [TestMethod]
    public void ASubscribeWhileOfflineGoesOutOnConnect()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Session.Subscribe("later", MqttQos.AtMostOnce);
        b.Open();
        Wire.AreEqual(Wire.Join(Wire.Hex("820A00010005"), Ascii.Bytes("later"), new byte[] { 0 }), b.TakeOutput(), "SUBSCRIBE");
    }

    [TestMethod]
    public void UnsubscribeStopsRoutingAndUnsubackFrees()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        int i = b.Session.Subscribe("x/#", MqttQos.AtMostOnce);
        Assert.AreEqual(Wire.Subscribe, Wire.Type(b.TakeSingle()), "SUBSCRIBE");
        b.SendSuback(1, new byte[] { 0 });
        b.Session.Unsubscribe(i);
        // Reserved flags 0010 [MQTT-3.10.1-1].
        Wire.AreEqual(Wire.Join(Wire.Hex("A20700020003"), Ascii.Bytes("x/#")), b.TakeOutput(), "UNSUBSCRIBE");
        b.SendPublish("x/1", new byte[1], 0, 0);
        Assert.AreEqual(1, b.Handler.ChunkCount, "chunks");
        Assert.AreEqual(-1, b.Handler.Chunk(0).SubscriptionIndex, "index"); // no longer routed
        b.SendAck(Wire.Unsuback, 2);
        Assert.AreEqual((int)SubscriptionState.Free, (int)b.Session.Subscriptions.State(i), "state");
    }

    [TestMethod]
    [DataRow("a/#/b")]
    [DataRow("a+")]
    [DataRow("")]
    public void AnInvalidFilterIsRefusedAtTheCall(string filter)
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Assert.AreEqual(MqttSubscribeResult.InvalidFilter, b.Session.Subscribe(filter, MqttQos.AtMostOnce), "filter"); // [MQTT-4.7.1-2]
        b.AssertNoOutput();
    }
}
