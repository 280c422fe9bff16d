using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>
/// A payload larger than the send buffer and the outbox, read from an <see cref="IMqttPayloadSource"/> as it is sent:
/// 64-byte buffers carry a 1,000-byte message whole, in order, and again from the start after a reconnect.
/// </summary>
[TestClass]
public class StreamedPublishTests
{
    const int Size = 1000;

    static ScriptedBroker Small()
    {
        MqttSessionOptions o = new MqttSessionOptions();
        o.SendBufferSize = 64;
        o.OutboxSize = 64;
        ScriptedBroker b = new ScriptedBroker(o);
        b.Open();
        return b;
    }

    static int Stream(ScriptedBroker b, PatternSource source, MqttQos qos)
    {
        Assert.AreEqual((int)MqttPublishResult.Accepted, (int)b.Session.Publish("big", source, source.Length, qos, false, out int id), "result");
        return id;
    }

    static void AssertWhole(byte[] publish, int qos, int id, bool dup)
    {
        byte[] header = Wire.PublishHeader("big", Size, qos, id, false, dup);
        Wire.AreEqual(Wire.Join(header, PatternSource.Bytes(Size)), publish, "PUBLISH");
    }

    [TestMethod]
    public void APayloadLargerThanTheBuffersGoesOutWhole()
    {
        ScriptedBroker b = Small();
        PatternSource source = new PatternSource(Size);
        Assert.AreEqual(1, Stream(b, source, MqttQos.AtLeastOnce), "id");
        AssertWhole(ScriptedBroker.Single(b.TakeAllOutput()), 1, 1, false);
        Assert.IsTrue(source.LargestRead <= 64, "a read fits the send buffer");
        b.SendAck(Wire.Puback, 1);
        Assert.AreEqual("1:0", b.Handler.Completion(0), "done");
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
    }

    [TestMethod]
    public void OneStreamedMessageAtATime()
    {
        ScriptedBroker b = Small();
        Stream(b, new PatternSource(Size), MqttQos.AtLeastOnce);
        Assert.AreEqual((int)MqttPublishResult.OutboxFull, (int)b.Session.Publish("big", new PatternSource(Size), Size, MqttQos.AtLeastOnce, false, out int id), "second");
        Assert.AreEqual(0, id, "id");
        b.TakeAllOutput();
        b.SendAck(Wire.Puback, 1);
        Assert.AreEqual(2, Stream(b, new PatternSource(Size), MqttQos.AtLeastOnce), "after the first completed");
    }

    [TestMethod]
    public void Qos0CannotStream()
    {
        ScriptedBroker b = Small();
        Assert.AreEqual((int)MqttPublishResult.InvalidQos, (int)b.Session.Publish("big", new PatternSource(Size), Size, MqttQos.AtMostOnce, false, out _), "qos 0");
        Assert.AreEqual((int)MqttPublishResult.InvalidQos, (int)b.Session.Publish("big", new PatternSource(Size), Size, (MqttQos)3, false, out _), "qos 3");
        Assert.AreEqual((int)MqttPublishResult.InvalidTopic, (int)b.Session.Publish("a/+", new PatternSource(Size), Size, MqttQos.AtLeastOnce, false, out _), "topic");
        Assert.AreEqual((int)MqttPublishResult.TooLarge, (int)b.Session.Publish("big", new PatternSource(Size), -1, MqttQos.AtLeastOnce, false, out _), "negative");
        string longTopic = new string('t', 70); // its header alone exceeds the 64-byte send buffer
        Assert.AreEqual((int)MqttPublishResult.TooLarge, (int)b.Session.Publish(longTopic, new PatternSource(Size), Size, MqttQos.AtLeastOnce, false, out _), "header");
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        b.AssertNoOutput();
    }

    [TestMethod]
    public void NothingIsInterleavedWithAStreamingPayload()
    {
        MqttSessionOptions o = new MqttSessionOptions();
        o.SendBufferSize = 64;
        ScriptedBroker b = new ScriptedBroker(o);
        b.Open();
        b.Session.Subscribe("in", MqttQos.AtLeastOnce);
        b.TakeOutput();
        b.SendSuback(1, new byte[] { 1 });
        Stream(b, new PatternSource(Size), MqttQos.AtLeastOnce);
        byte[] first = b.TakeOutput(); // part of the PUBLISH
        Assert.AreEqual((int)MqttPublishResult.SendBufferFull, (int)b.Session.Publish("q0", new byte[] { 1 }, 0, 1, MqttQos.AtMostOnce, false), "qos 0");
        Assert.AreEqual((int)MqttPublishResult.Accepted, (int)b.Session.Publish("q1", new byte[] { 1 }, 0, 1, MqttQos.AtLeastOnce, false), "qos 1");
        b.SendPublish("in", new byte[] { 9 }, 1, 7); // its PUBACK waits for the payload's end
        b.Now = 10000;
        b.Session.Tick(b.Now); // a PINGREQ would be due, had nothing been sent
        byte[][] packets = Wire.Split(Wire.Join(first, b.TakeAllOutput()));
        AssertWhole(packets[0], 1, 2, false);
        Assert.AreEqual(3, packets.Length, "packets"); // then, in either order:
        int ack = Wire.Type(packets[1]) == Wire.Publish ? 2 : 1;
        Assert.AreEqual(Wire.Puback >> 4, Wire.Type(packets[ack]), "PUBACK after the payload");
        Assert.AreEqual(7, Wire.Id(packets[ack]), "PUBACK id");
        Assert.AreEqual("q1", Wire.Topic(packets[3 - ack]), "queued behind it");
        Assert.AreEqual(1, b.Handler.MessageCount, "delivered");
    }

    [TestMethod]
    public void AReconnectSendsItAgainFromTheStart()
    {
        ScriptedBroker b = Small();
        PatternSource source = new PatternSource(Size);
        Stream(b, source, MqttQos.AtLeastOnce);
        b.TakeOutput();
        b.TakeOutput();
        b.Session.ConnectionLost(); // mid-packet: the broker discards the part it has
        b.Connect.CleanSession = false;
        b.Open(true);
        Assert.AreEqual(0, source.LastPosition, "read again from the start");
        AssertWhole(ScriptedBroker.Single(b.TakeAllOutput()), 1, 1, true); // [MQTT-3.3.1-1] [MQTT-4.4.0-1]
        b.SendAck(Wire.Puback, 1);
        Assert.AreEqual("1:0", b.Handler.Completion(0), "done");
    }

    [TestMethod]
    public void Qos2ReadsTheSourceNoMoreAfterPubrec()
    {
        ScriptedBroker b = Small();
        PatternSource source = new PatternSource(Size);
        Stream(b, source, MqttQos.ExactlyOnce);
        AssertWhole(ScriptedBroker.Single(b.TakeAllOutput()), 2, 1, false);
        b.SendAck(Wire.Pubrec, 1);
        b.TakeOutput();
        int reads = source.Reads;
        b.Session.ConnectionLost();
        b.Connect.CleanSession = false;
        b.Open(true);
        byte[] pubrel = b.TakeSingle(); // [MQTT-4.4.0-1] PUBREL again, not the PUBLISH
        Assert.AreEqual(Wire.Pubrel >> 4, Wire.Type(pubrel), "PUBREL");
        Assert.AreEqual(reads, source.Reads, "reads");
        b.SendAck(Wire.Pubcomp, 1);
        Assert.AreEqual("1:0", b.Handler.Completion(0), "done");
    }

    [TestMethod]
    public void AFailingSourceDropsTheMessageAndEndsTheConnection() => AssertSourceFailure(false);

    [TestMethod]
    public void AThrowingSourceDropsTheMessageAndEndsTheConnection() => AssertSourceFailure(true);

    static void AssertSourceFailure(bool throws)
    {
        ScriptedBroker b = Small();
        PatternSource source = new PatternSource(Size);
        source.FailAt = 500;
        source.Throws = throws;
        Stream(b, source, MqttQos.AtLeastOnce);
        Assert.AreEqual((int)MqttPublishResult.SendBufferFull, (int)b.Session.Publish("q0", new byte[] { 1 }, 0, 1, MqttQos.AtMostOnce, false), "closed");
        int sent = b.TakeAllOutput().Length;
        Assert.IsTrue(sent < Size, "half a packet, nothing after it");
        b.Session.Tick(b.Now);
        Assert.AreEqual(RecordingHandler.Disconnected(MqttError.PayloadSourceFailed, MqttConnectReturnCode.Accepted), b.Handler.LastEvent, "closed");
        Assert.AreEqual("1:" + ((int)MqttPublishOutcome.SourceFailed).ToString(), b.Handler.Completion(0), "dropped");
        Assert.AreEqual(0, b.Session.OutboxCount, "outbox");
        b.Open(true);
        b.AssertNoOutput(); // not sent again
        Assert.AreEqual(2, Stream(b, new PatternSource(10), MqttQos.AtLeastOnce), "the slot is free");
    }

    [TestMethod]
    public void DisconnectFollowsTheStreamingPayload()
    {
        ScriptedBroker b = Small();
        Stream(b, new PatternSource(Size), MqttQos.AtLeastOnce);
        byte[] first = b.TakeOutput();
        Assert.IsTrue(b.Session.Disconnect(), "disconnect");
        Assert.AreEqual((int)MqttSessionState.Closing, (int)b.Session.State, "closing");
        byte[][] packets = Wire.Split(Wire.Join(first, b.TakeAllOutput()));
        Assert.AreEqual(2, packets.Length, "packets");
        AssertWhole(packets[0], 1, 1, false);
        Wire.AreEqual(Wire.Empty(Wire.Disconnect), packets[1], "DISCONNECT last");
    }
}
