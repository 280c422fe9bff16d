using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session
{
    /// <summary>SUBSCRIBE and UNSUBSCRIBE flows, routing by subscription index, and subscribing again after a reconnect.</summary>
    [TestClass]
    public class SubscribeTests
    {
        [TestMethod]
        public void SeveralFiltersGoInOneSubscribeAndEachSubackCodeIsReported()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            int first = b.Session.Subscribe(new string[] { "a/+", "b/#", "forbidden" }, new MqttQos[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce });
            // Reserved flags 0010 [MQTT-3.8.1-1]; each filter followed by its requested QoS.
            Wire.AreEqual("821A0001" + "0003612F2B00" + "0003622F2301" + "0009666F7262696464656E02", b.TakeOutput(), "SUBSCRIBE");

            b.SendSuback(1, new byte[] { 0, 1, 0x80 });
            Assert.AreEqual(3, b.Handler.SubscribeResultCount, "codes");
            Assert.AreEqual(first.ToString() + ":0", b.Handler.SubscribeResult(0), "first");
            Assert.AreEqual((first + 1).ToString() + ":1", b.Handler.SubscribeResult(1), "second");
            Assert.AreEqual((first + 2).ToString() + ":128", b.Handler.SubscribeResult(2), "third");
            Assert.AreEqual((int)SubscriptionState.Refused, (int)b.Session.Subscriptions.State(first + 2), "refused");
        }

        [TestMethod]
        public void IncomingMessagesCarryTheIndexOfTheMatchingSubscription()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            int cmd = b.Session.Subscribe("dev/cmd/+", MqttQos.AtLeastOnce);
            int all = b.Session.Subscribe("other/#", MqttQos.AtMostOnce);
            b.SendPublish("dev/cmd/relay", new byte[] { 1 }, 0, 0);
            b.SendPublish("other/x/y", new byte[] { 1 }, 0, 0);
            b.SendPublish("unrelated", new byte[] { 1 }, 0, 0);
            Assert.AreEqual(3, b.Handler.ChunkCount, "messages");
            Assert.AreEqual(cmd, b.Handler.Chunk(0).SubscriptionIndex, "dev/cmd/relay");
            Assert.AreEqual(all, b.Handler.Chunk(1).SubscriptionIndex, "other/x/y");
            Assert.AreEqual(-1, b.Handler.Chunk(2).SubscriptionIndex, "unrelated");
        }

        [TestMethod]
        public void AReconnectWithoutSessionSubscribesAgainAndWithOneItDoesNot()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Connect.CleanSession = false;
            b.Open();
            b.Session.Subscribe("keep/#", MqttQos.AtLeastOnce);
            byte[] subscribe = b.TakeOutput();
            Wire.AreEqual("820B00010006" + "6B6565702F23" + "01", subscribe, "SUBSCRIBE");
            b.SendSuback(1, new byte[] { 1 });

            b.Session.ConnectionLost();
            b.Open(true);
            b.AssertNoOutput();

            b.Session.ConnectionLost();
            b.Open(false);
            Wire.AreEqual("820B00020006" + "6B6565702F23" + "01", b.TakeOutput(), "SUBSCRIBE again, next id");
        }

        [TestMethod]
        public void ASubscribeWhileDisconnectedIsSentAfterConnect()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Session.Subscribe("later", MqttQos.AtMostOnce);
            b.Open();
            Wire.AreEqual("820A00010005" + "6C61746572" + "00", b.TakeOutput(), "SUBSCRIBE");
        }

        [TestMethod]
        public void UnsubscribeStopsRoutingAndFreesTheSlotOnUnsuback()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            int i = b.Session.Subscribe("x/#", MqttQos.AtMostOnce);
            Assert.AreEqual(Wire.Subscribe, Wire.Type(b.TakeSingle()), "SUBSCRIBE");
            b.SendSuback(1, new byte[] { 0 });
            b.Session.Unsubscribe(i);
            // Reserved flags 0010 [MQTT-3.10.1-1].
            Wire.AreEqual("A20700020003782F23", b.TakeOutput(), "UNSUBSCRIBE");
            b.SendPublish("x/1", new byte[1], 0, 0);
            Assert.AreEqual(1, b.Handler.ChunkCount, "delivered");
            Assert.AreEqual(-1, b.Handler.Chunk(0).SubscriptionIndex, "no longer routed");
            b.SendAck(Wire.Unsuback, 2);
            Assert.AreEqual((int)SubscriptionState.Free, (int)b.Session.Subscriptions.State(i), "free");
        }

        [TestMethod]
        [DataRow("a/#/b")]
        [DataRow("a+")]
        [DataRow("")]
        public void AnInvalidFilterIsRefusedAtTheCall(string filter)
        {
            ScriptedBroker b = new ScriptedBroker();
            Assert.ThrowsException(typeof(ArgumentException), () => b.Session.Subscribe(filter, MqttQos.AtMostOnce), "[MQTT-4.7.1-2]");
        }
    }
}
