using EdgeSensor.Device;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// Battery mode (docs/battery.md): a persistent session, a timer wake that says only its report (telemetry, changed
/// states, asleep T), a cold boot or a lost session that announces in full, and when the wake's work is done.
/// </summary>
[TestClass]
public class BatteryTests
{
    const string Status = DeviceFixture.Base + "/status";
    const string Telemetry = DeviceFixture.Base + "/telemetry";
    const long Utc = 1767225600;

    static EdgeDevice Board(bool timerWake, RecordingLink link, FakeOutput relay)
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.Battery = true;
        config.TelemetryIntervalSeconds = 600;
        config.AwakeLimitSeconds = 20;
        Actuator[] actuators = new Actuator[] { new RelayActuator(config.Actuators[0], relay), new PwmActuator(config.Actuators[1], new FakeOutput()) };
        ISensor[] sensors = new ISensor[] { new DhtSensor("dht22", new FakeDht(), SensorKind.Dht22) };
        EdgeDevice device = new EdgeDevice(config, DeviceFixture.Firmware, sensors, actuators);
        device.ApplySafeStates();
        device.Wake(timerWake, Utc);
        device.Attach(link);
        return device;
    }

    [TestMethod]
    public void ABatteryBoardKeepsItsSessionOnTheBroker()
    {
        MqttConnectOptions connect = Board(true, new RecordingLink(), new FakeOutput()).CreateConnectOptions();
        Assert.IsFalse(connect.CleanSession, "clean session"); // [MQTT-3.1.2-4]
        Assert.AreEqual(DeviceFixture.Base + "/status", connect.WillTopic, "the will still says offline");
        Assert.IsTrue(DeviceFixture.Connected().Device.CreateConnectOptions().CleanSession, "mains: clean");
    }

    [TestMethod]
    public void ATimerWakeWithItsSessionSaysOnlyTelemetryAndAsleep()
    {
        RecordingLink link = new RecordingLink();
        EdgeDevice device = Board(true, link, new FakeOutput());
        Assert.AreEqual(0, link.SubscriptionCount, "the session holds the subscription");

        device.Tick(0); // before the network: both wait in the outbox, to go out right after CONNACK
        Assert.AreEqual(2, link.Count, "published");
        Assert.AreEqual(Telemetry, link[0].Topic, "first");
        Expect.Message(link, 1, Status, Ascii.Bytes("asleep 1767226220"), MqttQos.AtLeastOnce, true);
        Assert.IsFalse(device.ReadyToSleep, "not connected yet");

        device.OnConnected(true);
        device.Tick(5);
        Assert.AreEqual(2, link.Count, "no announcement, no states");
        Assert.AreEqual(0, link.SubscriptionCount, "not subscribed again");
        Assert.IsTrue(device.ReadyToSleep, "done");
    }

    [TestMethod]
    public void CommandsQueuedWhileAsleepAreAppliedInOrderAndOnlyTheirStatesReported()
    {
        RecordingLink link = new RecordingLink();
        FakeOutput relay = new FakeOutput();
        EdgeDevice device = Board(true, link, relay);
        device.Tick(0);
        device.OnConnected(true);
        Receive(device, "relay1", "ON");
        Receive(device, "relay1", "TOGGLE");
        Receive(device, "relay1", "TOGGLE");
        Assert.IsTrue(device.CommandsWaiting, "queued");
        Assert.IsFalse(device.ReadyToSleep, "commands to apply");
        device.Tick(5);
        Assert.IsFalse(device.CommandsWaiting, "applied");
        Assert.IsFalse(relay.Level, "ON, OFF, ON: active low");
        Assert.AreEqual(1, link.CountOn(DeviceFixture.Base + "/state/relay1"), "one state");
        Assert.AreEqual(0, link.CountOn(DeviceFixture.Base + "/state/led"), "unchanged");
        Expect.Message(link, 2, DeviceFixture.Base + "/state/relay1", Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
        Assert.IsTrue(device.ReadyToSleep, "done");
    }

    [TestMethod]
    public void ALostSessionIsSubscribedAgainAndAnnouncedWithAsleepLast()
    {
        RecordingLink link = new RecordingLink();
        EdgeDevice device = Board(true, link, new FakeOutput());
        device.Tick(0);
        link.Clear();
        device.OnConnected(false); // the broker lost it: commands sent meanwhile are gone, retained documents may be
        Assert.AreEqual(1, link.SubscriptionCount, "subscribed");
        Assert.AreEqual(DeviceFixture.Base + "/cmd/+", link.Subscription(0), "filter");
        device.Tick(5);
        Assert.AreEqual("online", Ascii.Text(link[0].Payload, 0, link[0].Payload.Length), "online first");
        Assert.AreEqual(1, link.CountOn(DeviceFixture.Base + "/state/relay1"), "every state");
        Published last = link[link.Count - 1];
        Assert.AreEqual(Status, last.Topic, "asleep last");
        Assert.AreEqual("asleep 1767226220", Ascii.Text(last.Payload, 0, last.Payload.Length), "payload");
        Assert.IsTrue(device.ReadyToSleep, "done");
    }

    [TestMethod]
    public void AColdBootSubscribesAnnouncesAndThenSaysAsleep()
    {
        RecordingLink link = new RecordingLink();
        EdgeDevice device = Board(false, link, new FakeOutput());
        Assert.AreEqual(1, link.SubscriptionCount, "subscribed at boot");
        device.Tick(0);
        Assert.AreEqual(1, link.Count, "telemetry only: asleep waits for online");
        device.OnConnected(true);
        device.Tick(5);
        Assert.AreEqual(1, link.SubscriptionCount, "once");
        Assert.AreEqual(1, link.CountOn(DeviceFixture.Base + "/event"), "boot");
        Assert.AreEqual(2, link.CountOn(Status), "online, asleep");
        Assert.AreEqual("asleep 1767226220", Ascii.Text(link[link.Count - 1].Payload, 0, 17), "asleep last");
        Assert.IsTrue(device.ReadyToSleep, "done");
    }

    [TestMethod]
    public void TheWakeIsNotDoneWhileItsReportCannotBeQueued()
    {
        RecordingLink link = new RecordingLink();
        EdgeDevice device = Board(true, link, new FakeOutput());
        link.Budget = 1;
        Assert.AreEqual(100L, device.Tick(0), "retry soon");
        device.OnConnected(true);
        device.Tick(5);
        Assert.IsFalse(device.ReadyToSleep, "asleep refused");
        link.Budget = -1;
        device.Tick(105);
        Assert.AreEqual(2, link.Count, "telemetry, asleep");
        Assert.IsTrue(device.ReadyToSleep, "done");
    }

    static void Receive(EdgeDevice device, string actuator, string payload)
    {
        byte[] topic = Ascii.Bytes(DeviceFixture.Base + "/cmd/" + actuator);
        byte[] body = Ascii.Bytes(payload);
        byte[] buffer = new byte[topic.Length + body.Length];
        System.Array.Copy(topic, buffer, topic.Length);
        System.Array.Copy(body, 0, buffer, topic.Length, body.Length);
        MqttMessage message = new MqttMessage();
        message.Buffer = buffer;
        message.TopicLength = topic.Length;
        message.PayloadOffset = topic.Length;
        message.PayloadCount = body.Length;
        message.PayloadTotalLength = body.Length;
        message.Qos = MqttQos.AtLeastOnce;
        device.OnMessage(message);
    }
}
