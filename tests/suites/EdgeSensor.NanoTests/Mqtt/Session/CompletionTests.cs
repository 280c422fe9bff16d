using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>Per-message completion: Publish(..., out id) numbers QoS 1/2 messages, OnPublishCompleted reports each flow's end.</summary>
[TestClass]
public class CompletionTests
{
    static readonly byte[] Payload = new byte[] { 1, 2, 3 };

    static int Publish(ScriptedBroker b, MqttQos qos)
    {
        Assert.AreEqual((int)MqttPublishResult.Accepted, (int)b.Session.Publish("a", Payload, 0, 3, qos, false, out int id), "result");
        return id;
    }

    [TestMethod]
    public void Qos1CompletesOnPuback()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Assert.AreEqual(1, Publish(b, MqttQos.AtLeastOnce), "id");
        b.TakeOutput();
        Assert.IsTrue(b.Session.IsPending(1), "pending");
        Assert.AreEqual(0, b.Handler.CompletionCount, "done");
        b.SendAck(Wire.Puback, 1); // [MQTT-4.3.2-1]
        Assert.AreEqual("1:0", b.Handler.Completion(0), "done");
        Assert.IsFalse(b.Session.IsPending(1), "pending");
    }

    [TestMethod]
    public void Qos2CompletesOnPubcompNotPubrec()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Assert.AreEqual(1, Publish(b, MqttQos.ExactlyOnce), "id");
        b.TakeOutput();
        b.SendAck(Wire.Pubrec, 1);
        Assert.AreEqual(0, b.Handler.CompletionCount, "done"); // [MQTT-4.3.3-1] the flow goes on with PUBREL
        b.SendAck(Wire.Pubcomp, 1);
        Assert.AreEqual("1:0", b.Handler.Completion(0), "done");
    }

    [TestMethod]
    public void Qos0AndRefusalsHaveIdZero()
    {
        MqttSessionOptions o = new MqttSessionOptions();
        o.OutboxSize = 24;
        ScriptedBroker b = new ScriptedBroker(o);
        b.Session.Publish("a", Payload, 0, 3, MqttQos.AtMostOnce, false, out int id);
        Assert.AreEqual(0, id, "offline");
        b.Open();
        Assert.AreEqual(0, Publish(b, MqttQos.AtMostOnce), "qos 0");
        Assert.AreEqual(1, Publish(b, MqttQos.AtLeastOnce), "qos 1");
        Assert.AreEqual((int)MqttPublishResult.OutboxFull, (int)b.Session.Publish("a", Payload, 0, 3, MqttQos.AtLeastOnce, false, out id), "full");
        Assert.AreEqual(0, id, "full");
        Assert.IsFalse(b.Session.IsPending(0), "0");
        Assert.IsFalse(b.Session.IsPending(2), "2");
    }

    [TestMethod]
    public void AcksOutOfOrderReportTheirOwnIds()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        for (int i = 1; i <= 3; i++) Assert.AreEqual(i, Publish(b, MqttQos.AtLeastOnce), "id");
        b.TakeOutput(); // packet ids 1, 2, 3
        b.SendAck(Wire.Puback, 2);
        b.SendAck(Wire.Puback, 1);
        Assert.IsTrue(b.Session.IsPending(3), "3");
        Assert.AreEqual(4, Publish(b, MqttQos.AtLeastOnce), "id");
        b.SendAck(Wire.Puback, 3);
        b.TakeOutput();
        b.SendAck(Wire.Puback, 4);
        Assert.AreEqual("2:0", b.Handler.Completion(0), "done");
        Assert.AreEqual("1:0", b.Handler.Completion(1), "done");
        Assert.AreEqual("3:0", b.Handler.Completion(2), "done");
        Assert.AreEqual("4:0", b.Handler.Completion(3), "done");
    }

    [TestMethod]
    public void AResentMessageCompletesLaterWithItsId()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Publish(b, MqttQos.AtLeastOnce);
        Assert.AreEqual(2, Publish(b, MqttQos.ExactlyOnce), "id");
        b.TakeOutput();
        b.Session.ConnectionLost();
        b.Open(false); // no session: both are sent again, in order [MQTT-4.6.0-1]
        byte[][] sent = b.TakePackets();
        Assert.IsTrue(Wire.Dup(sent[0]) && Wire.Dup(sent[1]), "DUP"); // [MQTT-3.3.1-1]
        Assert.AreEqual(0, b.Handler.CompletionCount, "done");
        b.SendAck(Wire.Puback, Wire.Id(sent[0]));
        b.SendAck(Wire.Pubrec, Wire.Id(sent[1]));
        b.SendAck(Wire.Pubcomp, Wire.Id(sent[1]));
        Assert.AreEqual("1:0", b.Handler.Completion(0), "done");
        Assert.AreEqual("2:0", b.Handler.Completion(1), "done");
    }

    [TestMethod]
    public void PubrecBeforeALostSessionCompletesAsSessionLost()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Publish(b, MqttQos.AtLeastOnce);
        Publish(b, MqttQos.ExactlyOnce);
        b.TakeOutput();
        b.SendAck(Wire.Pubrec, 2);
        b.TakeOutput();
        b.Session.ConnectionLost();
        b.Open(false); // the broker kept no PUBREC state: no PUBCOMP will come
        Assert.AreEqual("2:1", b.Handler.Completion(0), "done");
        Assert.AreEqual(1L, b.Session.PublishesCompleted, "completed");
        Assert.IsTrue(b.Session.IsPending(1), "1"); // QoS 1 is sent again
        Assert.AreEqual(3, Publish(b, MqttQos.AtLeastOnce), "id");
    }
}
