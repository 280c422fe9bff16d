using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// Every command_rejected event on <c>&lt;base&gt;/event</c>, byte for byte: unknown_actuator, invalid_payload,
/// payload_too_large, invalid_utf8, retained and queue_full. A rejected command changes nothing and publishes no state.
/// </summary>
[TestClass]
public class CommandRejectionTests
{
    const string Cmd = DeviceFixture.Base + "/cmd/";
    const string Event = DeviceFixture.Base + "/event";

    static byte[] Rejected(string actuator, string reason)
    {
        return Ascii.Json("{'event':'command_rejected','actuator':'" + actuator + "','reason':'" + reason + "'}");
    }

    /// <summary>The command was rejected once with exactly <paramref name="expected"/>, and no output or state changed.</summary>
    static void AssertRejectedOnly(DeviceFixture f, int relayWrites, int ledWrites, byte[] expected)
    {
        Assert.AreEqual(relayWrites, f.Relay.Writes, "relay untouched");
        Assert.AreEqual(ledWrites, f.Led.Writes, "led untouched");
        Assert.AreEqual(1, f.Link.Count, "the event only: no state");
        Expect.Message(f.Link, 0, Event, expected, MqttQos.AtLeastOnce, false);
    }

    static void Check(byte[] topic, byte[] payload, bool retain, byte[] expected)
    {
        DeviceFixture f = DeviceFixture.Connected();
        int relayWrites = f.Relay.Writes;
        int ledWrites = f.Led.Writes;
        f.Receive(topic, payload, retain);
        f.Tick();
        AssertRejectedOnly(f, relayWrites, ledWrites, expected);
    }

    [TestMethod]
    [DataRow("relay1", "MAYBE", "invalid_payload")]
    [DataRow("relay1", "", "invalid_payload")]
    [DataRow("led", "101", "invalid_payload")]
    [DataRow("led", "-1", "invalid_payload")]
    [DataRow("led", "4.5", "invalid_payload")]
    [DataRow("pump", "ON", "unknown_actuator")]
    [DataRow("relay1", "ON ON ON ON ON ON ON ON ON ON ON ON", "payload_too_large")]
    [DataRow("relay1", "true", "invalid_payload")]
    [DataRow("relay1", "ONN", "invalid_payload")]
    [DataRow("relay1", "O N", "invalid_payload")]
    [DataRow("relay1", "2", "invalid_payload")]
    [DataRow("relay1", " \t\r\n ", "invalid_payload")]
    [DataRow("relay1", "50", "invalid_payload")]
    [DataRow("led", "ON", "invalid_payload")]
    [DataRow("led", "+5", "invalid_payload")]
    [DataRow("led", "1000000", "invalid_payload")]
    [DataRow("led", "4 2", "invalid_payload")]
    [DataRow("led", "", "invalid_payload")]
    [DataRow("Relay1", "ON", "unknown_actuator")]
    [DataRow("relay", "ON", "unknown_actuator")]
    [DataRow("relay10", "ON", "unknown_actuator")]
    [DataRow("relay1/x", "ON", "unknown_actuator")]
    [DataRow("", "ON", "unknown_actuator")]
    public void BadCommandsChangeNothingAndAreReported(string actuator, string payload, string reason)
    {
        Check(Ascii.Bytes(Cmd + actuator), Ascii.Bytes(payload), false, Rejected(actuator, reason));
    }

    [TestMethod]
    [DataRow("4FC328")]
    [DataRow("C0AF")]
    [DataRow("EDA080")]
    [DataRow("FF")]
    [DataRow("E282")]
    [DataRow("4F00")]
    [DataRow("F4908080")]
    [DataRow("80")]
    public void APayloadThatIsNotUtf8IsRejected(string hex)
    {
        // [MQTT-1.5.3-1] [MQTT-1.5.3-2]: ill-formed UTF-8 and U+0000 are refused as text.
        Check(Ascii.Bytes(Cmd + "relay1"), Hex.Bytes(hex), false, Rejected("relay1", "invalid_utf8"));
    }

    [TestMethod]
    public void ValidUtf8ThatIsNoCommandIsAnInvalidPayload()
    {
        Check(Ascii.Bytes(Cmd + "led"), Hex.Bytes("C3A9"), false, Rejected("led", "invalid_payload"));
    }

    [TestMethod]
    public void ARetainedCommandIsIgnoredAndReportedNoGhostSwitching()
    {
        Check(Ascii.Bytes(Cmd + "relay1"), Ascii.Bytes("ON"), true, Rejected("relay1", "retained"));
    }

    [TestMethod]
    public void RetainedIsTheReasonEvenForAnUnknownActuator()
    {
        Check(Ascii.Bytes(Cmd + "pump"), Ascii.Bytes("ON"), true, Rejected("pump", "retained"));
    }

    [TestMethod]
    public void AnUnknownActuatorIsReportedBeforeAPayloadProblem()
    {
        Check(Ascii.Bytes(Cmd + "pump"), Hex.Bytes("FF"), false, Rejected("pump", "unknown_actuator"));
    }

    [TestMethod]
    public void APayloadOfExactly32BytesIsAcceptedBeforeTrimming()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Receive(Cmd + "relay1", "ON                              "); // 2 + 30 spaces
        f.Tick();
        Expect.Only(f.Link, DeviceFixture.Base + "/state/relay1", Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(0, f.Link.CountOn(Event), "no event");
    }

    [TestMethod]
    public void APayloadOf33BytesIsTooLargeEvenWhenItTrimsToAWord()
    {
        Check(Ascii.Bytes(Cmd + "relay1"), Ascii.Bytes("ON                               "), false, Rejected("relay1", "payload_too_large"));
    }

    [TestMethod]
    public void AnOversizedCommandIsRejectedOnceOnItsFirstChunk()
    {
        DeviceFixture f = DeviceFixture.Connected();
        int writes = f.Relay.Writes;
        byte[] topic = Ascii.Bytes(Cmd + "relay1");
        f.ReceiveChunk(topic, Ascii.Bytes("ON        "), 0, 1000, false);
        f.ReceiveChunk(topic, Ascii.Bytes("ON        "), 10, 1000, false);
        f.ReceiveChunk(topic, Ascii.Bytes("ON"), 998, 1000, false);
        f.Tick();
        AssertRejectedOnly(f, writes, f.Led.Writes, Rejected("relay1", "payload_too_large"));
    }

    /// <summary>The session's notice of a topic longer than its buffer: the topic's first bytes, no payload, total -1.</summary>
    static void CheckNotice(byte[] firstBytes, byte[] expected)
    {
        DeviceFixture f = DeviceFixture.Connected();
        int writes = f.Relay.Writes;
        f.ReceiveChunk(firstBytes, new byte[0], 0, -1, false);
        f.Tick();
        AssertRejectedOnly(f, writes, f.Led.Writes, expected);
    }

    [TestMethod]
    public void ATopicTooLongForTheBufferIsRejectedWithItsFirstBytes()
    {
        CheckNotice(Ascii.Bytes(Cmd + "relay1relay1relay1relay1relay1relay1"), Rejected("relay1relay1relay1relay1relay1re", "topic_too_long"));
    }

    [TestMethod]
    public void ATopicTooLongIsRejectedEvenWhenItsFirstBytesNameAnActuator()
    {
        CheckNotice(Ascii.Bytes(Cmd + "relay1"), Rejected("relay1", "topic_too_long"));
    }

    [TestMethod]
    public void ATooLongTopicCutInsideACharacterLeavesTheNameOut()
    {
        // The buffer ended after the first byte of a two-byte character: not UTF-8, so no name in the event.
        CheckNotice(Expect.Join(Ascii.Bytes(Cmd + "pump"), Hex.Bytes("C3")), Rejected("", "topic_too_long"));
    }

    [TestMethod]
    public void TheEventEscapesAnArbitraryActuatorName()
    {
        // a"b\c is written "a\"b\\c".
        Check(Ascii.Bytes(Cmd + "a\"b\\c"), Ascii.Bytes("ON"), false, Ascii.Json("{'event':'command_rejected','actuator':'a\\'b\\\\c','reason':'unknown_actuator'}"));
    }

    [TestMethod]
    public void TheEventEscapesAControlCharacterInTheName()
    {
        Check(Expect.Join(Ascii.Bytes(Cmd + "a"), new byte[] { 0x01 }, Ascii.Bytes("b")), Ascii.Bytes("ON"), false,
            Rejected("a\\u0001b", "unknown_actuator"));
    }

    [TestMethod]
    public void TheEventCarriesANonAsciiNameAsUtf8()
    {
        Check(Expect.Join(Ascii.Bytes(Cmd + "pump-"), Hex.Bytes("C3A9E282AC")), Ascii.Bytes("ON"), false,
            Expect.Join(Ascii.Json("{'event':'command_rejected','actuator':'pump-"), Hex.Bytes("C3A9E282AC"), Ascii.Json("','reason':'unknown_actuator'}")));
    }

    [TestMethod]
    public void ALongNameIsCutTo32BytesInTheEvent()
    {
        Check(Ascii.Bytes(Cmd + "abcdefghijklmnopqrstuvwxyz0123456789ABCD"), Ascii.Bytes("ON"), false,
            Rejected("abcdefghijklmnopqrstuvwxyz012345", "unknown_actuator"));
    }

    [TestMethod]
    public void ALongNameIsCutAtACharacterBoundary()
    {
        // 31 ASCII bytes then a two-byte character: the character would end at byte 33, so the name keeps 31.
        string ascii31 = "aaaaaaaaaabbbbbbbbbbccccccccccd";
        Check(Expect.Join(Ascii.Bytes(Cmd + ascii31), Hex.Bytes("C3A9")), Ascii.Bytes("ON"), false, Rejected(ascii31, "unknown_actuator"));
    }

    [TestMethod]
    public void ANameOfExactly32BytesEndingInATwoByteCharacterIsKept()
    {
        string ascii30 = "aaaaaaaaaabbbbbbbbbbcccccccccc";
        Check(Expect.Join(Ascii.Bytes(Cmd + ascii30), Hex.Bytes("C3A9")), Ascii.Bytes("ON"), false,
            Expect.Join(Ascii.Json("{'event':'command_rejected','actuator':'" + ascii30), Hex.Bytes("C3A9"), Ascii.Json("','reason':'unknown_actuator'}")));
    }

    [TestMethod]
    public void RejectionsAreReportedInArrivalOrderBesideTheAcceptedCommands()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Receive(Cmd + "relay1", "MAYBE");
        f.Receive(Cmd + "led", "50");
        f.Receive(Cmd + "pump", "ON");
        f.Receive(Cmd + "relay1", Ascii.Bytes("ON"), true);
        f.Tick();
        Assert.AreEqual(50, f.Led.Percent, "the good command applied");
        Assert.AreEqual(4, f.Link.Count, "three events and a state");
        Expect.Message(f.Link, 0, Event, Rejected("relay1", "invalid_payload"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 1, Event, Rejected("pump", "unknown_actuator"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 2, Event, Rejected("relay1", "retained"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 3, DeviceFixture.Base + "/state/led", Ascii.Bytes("50"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void ACommandFloodOverflowsTheQueueVisibly()
    {
        DeviceFixture f = DeviceFixture.Connected();
        int writes = f.Relay.Writes;
        for (int i = 0; i < 20; i++) f.Receive(Cmd + "relay1", "TOGGLE");
        f.Tick();
        Assert.AreEqual(writes + 16, f.Relay.Writes, "the 16 the queue held were applied");
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'command_rejected','reason':'queue_full','count':4}"), MqttQos.AtLeastOnce, false);
        Expect.Only(f.Link, DeviceFixture.Base + "/state/relay1", Ascii.Bytes("OFF"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void EachOverflowIsReportedOnceAndOnlyNewOnesLater()
    {
        DeviceFixture f = DeviceFixture.Connected();
        for (int i = 0; i < 20; i++) f.Receive(Cmd + "led", "1");
        f.Tick();
        f.Link.Clear();
        f.Tick();
        Assert.AreEqual(0, f.Link.Count, "reported once");
        for (int i = 0; i < 18; i++) f.Receive(Cmd + "led", "2");
        f.Tick();
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'command_rejected','reason':'queue_full','count':2}"), MqttQos.AtLeastOnce, false);
        Assert.AreEqual(2, f.Led.Percent, "the queued ones applied");
    }

    [TestMethod]
    public void RejectedCommandsInAFloodAreReportedBeforeTheOverflow()
    {
        DeviceFixture f = DeviceFixture.Connected();
        for (int i = 0; i < 17; i++) f.Receive(Cmd + "pump", "ON");
        f.Tick();
        Assert.AreEqual(17, f.Link.Count, "16 rejections and the overflow");
        Expect.Message(f.Link, 15, Event, Rejected("pump", "unknown_actuator"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 16, Event, Ascii.Json("{'event':'command_rejected','reason':'queue_full','count':1}"), MqttQos.AtLeastOnce, false);
    }
}
