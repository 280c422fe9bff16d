using EdgeSensor.Device;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// Home Assistant discovery of a battery board (docs/battery.md): each document is the mains one (pinned byte for byte
/// by DiscoveryDocumentTests) with asleep mapped to available and QoS 1 commands, and sensors that expire once the
/// next report is overdue.
/// </summary>
[TestClass]
public class BatteryDiscoveryTests
{
    const string Sensor = "homeassistant/sensor/dev1/dht22_temperature_c/config";

    static string Document(bool battery, int interval, int awake, string id, string topic)
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.Id = id;
        config.HomeAssistantDiscovery = true;
        config.Battery = battery;
        config.TelemetryIntervalSeconds = interval;
        config.AwakeLimitSeconds = awake;
        Actuator[] actuators = new Actuator[] { new RelayActuator(config.Actuators[0], new FakeOutput()), new PwmActuator(config.Actuators[1], new FakeOutput()) };
        EdgeDevice device = new EdgeDevice(config, DeviceFixture.Firmware, new ISensor[] { new DhtSensor("dht22", new FakeDht(), SensorKind.Dht22) }, actuators);
        RecordingLink link = new RecordingLink();
        device.ApplySafeStates();
        if (battery) device.Wake(false, 1767225600);
        device.Attach(link);
        device.OnConnected(false);
        device.Tick(0);
        Assert.AreEqual(4, link.CountEndingWith("/config"), "every document fits");
        Published m = link.Only(topic);
        Assert.IsTrue(m.Retain && m.Qos == MqttQos.AtLeastOnce, "retained, QoS 1");
        return Ascii.Text(m.Payload, 0, m.Payload.Length);
    }

    /// <summary>The mains document with <paramref name="members"/> after its availability topic.</summary>
    static string Battery(string topic, string members)
    {
        string mains = Document(false, 600, 20, "dev1", topic);
        int at = mains.IndexOf(",\"payload_available\"");
        Assert.IsTrue(at > 0, "availability in " + mains);
        byte[] template = Expect.Join(Ascii.Json(",'availability_template':'"), Ascii.Bytes("{{ 'online' if value[:6] == 'asleep' else value }}"), Ascii.Json("','qos':1"));
        return mains.Substring(0, at) + Ascii.Text(template, 0, template.Length) + members + mains.Substring(at);
    }

    [TestMethod]
    public void ASleepingBoardsSensorIsAvailableAndExpiresWhenOverdue()
    {
        // 600 s interval + 20 s awake limit + 60 s for the RTC's drift
        Assert.AreEqual(Battery(Sensor, ",\"expire_after\":680"), Document(true, 600, 20, "dev1", Sensor));
    }

    [TestMethod]
    public void ASleepingBoardsActuatorsTakeQos1CommandsAndDoNotExpire()
    {
        string relay = "homeassistant/switch/dev1/relay1/config";
        string led = "homeassistant/number/dev1/led/config";
        Assert.AreEqual(Battery(relay, ""), Document(true, 600, 20, "dev1", relay));
        Assert.AreEqual(Battery(led, ""), Document(true, 600, 20, "dev1", led));
    }

    [TestMethod]
    public void ExpiryFollowsTheIntervalAndTheAwakeLimit()
    {
        Assert.IsTrue(Document(true, 3600, 30, "dev1", Sensor).IndexOf("\"expire_after\":3990,") > 0, "1 h");
        Assert.IsTrue(Document(true, 5, 1, "dev1", Sensor).IndexOf("\"expire_after\":6,") > 0, "5 s");
    }

    [TestMethod]
    public void TheLongestIdStillFitsTheDocumentBuffer()
    {
        string id = "abcdefghijklmnopqrstuvwxyz-01234";
        Assert.IsTrue(Document(true, 86400, 3600, id, "homeassistant/sensor/" + id + "/dht22_temperature_c/config").IndexOf("\"expire_after\":98640,") > 0, "1 day");
    }
}
