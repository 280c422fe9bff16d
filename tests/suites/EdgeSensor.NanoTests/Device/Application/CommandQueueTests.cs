using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Commands;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>The queue between the MQTT thread and the loop: verdicts on arrival, a fixed number of slots, overflows counted.</summary>
[TestClass]
public class CommandQueueTests
{
    static MqttMessage Message(string payload, bool retain)
    {
        byte[] buffer = Ascii.Bytes("name" + payload);
        MqttMessage message = new MqttMessage();
        message.Buffer = buffer;
        message.TopicOffset = 0;
        message.TopicLength = 4;
        message.PayloadOffset = 4;
        message.PayloadCount = payload.Length;
        message.PayloadTotalLength = payload.Length;
        message.Retain = retain;
        return message;
    }

    [TestMethod]
    public void ASlotHoldsTheVerdictTheTrimmedPayloadAndTheName()
    {
        CommandQueue queue = new CommandQueue(2);
        Assert.IsTrue(queue.Enqueue(1, Message("  42\r\n", false), 0, 4), "taken");
        byte[] slot = new byte[CommandQueue.SlotLength];
        int actuator;
        Assert.IsTrue(queue.TryDequeue(slot, out actuator), "dequeued");
        Assert.AreEqual(1, actuator, "actuator");
        Assert.AreEqual((int)CommandRejection.None, (int)slot[CommandQueue.Rejection], "verdict");
        Assert.AreEqual("42", Ascii.Text(slot, CommandQueue.Payload, slot[CommandQueue.PayloadLength]), "payload");
        Assert.AreEqual("name", Ascii.Text(slot, CommandQueue.Name, slot[CommandQueue.NameLength]), "name");
    }

    [TestMethod]
    public void ARejectedCommandTravelsWithItsVerdictAndNoPayload()
    {
        CommandQueue queue = new CommandQueue(2);
        queue.Enqueue(0, Message("ON", true), 0, 4);
        byte[] slot = new byte[CommandQueue.SlotLength];
        int actuator;
        queue.TryDequeue(slot, out actuator);
        Assert.AreEqual((int)CommandRejection.Retained, (int)slot[CommandQueue.Rejection], "verdict");
        Assert.AreEqual(0, (int)slot[CommandQueue.PayloadLength], "no payload");
    }

    [TestMethod]
    public void AFullQueueRefusesAndCountsAndKeepsOrder()
    {
        CommandQueue queue = new CommandQueue(2);
        Assert.IsTrue(queue.Enqueue(0, Message("1", false), 0, 4), "first");
        Assert.IsTrue(queue.Enqueue(1, Message("2", false), 0, 4), "second");
        Assert.IsFalse(queue.Enqueue(0, Message("3", false), 0, 4), "third refused");
        Assert.AreEqual(1, queue.Overflows, "overflows");
        byte[] slot = new byte[CommandQueue.SlotLength];
        int actuator;
        Assert.IsTrue(queue.TryDequeue(slot, out actuator), "first out");
        Assert.AreEqual("1", Ascii.Text(slot, CommandQueue.Payload, slot[CommandQueue.PayloadLength]), "oldest first");
        Assert.IsTrue(queue.Enqueue(0, Message("4", false), 0, 4), "room again");
        Assert.IsTrue(queue.TryDequeue(slot, out actuator), "second out");
        Assert.AreEqual(1, actuator, "second's actuator");
        Assert.IsTrue(queue.TryDequeue(slot, out actuator), "fourth out");
        Assert.AreEqual("4", Ascii.Text(slot, CommandQueue.Payload, slot[CommandQueue.PayloadLength]), "wrapped around");
        Assert.IsFalse(queue.TryDequeue(slot, out actuator), "empty");
        Assert.AreEqual(-1, actuator, "no actuator when empty");
    }
}
