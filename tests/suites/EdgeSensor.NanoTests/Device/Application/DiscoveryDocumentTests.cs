using EdgeSensor.Device.Config;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// Home Assistant MQTT discovery (device-topics.md), byte for byte: one retained config per sensor quantity
/// (sensor), per relay (switch) and per PWM output (number), each with availability and the device block.
/// </summary>
[TestClass]
public class DiscoveryDocumentTests
{
    static readonly byte[] DegreesCelsius = new byte[] { 0xC2, 0xB0, (byte)'C' }; // "°C" in UTF-8

    static byte[] Tail(string prefix)
    {
        return Ascii.Json("'availability_topic':'" + prefix + "/status','payload_available':'online','payload_not_available':'offline',"
            + "'device':{'identifiers':['dev1'],'name':'dev1','manufacturer':'EdgeSensor','model':'esp32-devkitc','sw_version':'1.2.3'}}");
    }

    static byte[] SensorDocument(string prefix, string sensor, string key, string deviceClass, byte[] unit)
    {
        return Expect.Join(
            Ascii.Json("{'name':'" + sensor + " " + deviceClass + "','unique_id':'dev1_" + sensor + "_" + key + "','state_topic':'" + prefix + "/telemetry',"
                + "'value_template':'{{ value_json.sensors["),
            Ascii.Bytes("'" + sensor + "'"), // single quotes inside the template stay single
            Ascii.Json("]." + key + " }}','unit_of_measurement':'"),
            unit,
            Ascii.Json("','device_class':'" + deviceClass + "','state_class':'measurement',"),
            Tail(prefix));
    }

    static byte[] RelayDocument(string prefix)
    {
        return RelayDocument(prefix, "relay1");
    }

    static byte[] RelayDocument(string prefix, string name)
    {
        return Expect.Join(
            Ascii.Json("{'name':'" + name + "','unique_id':'dev1_relay1','command_topic':'" + prefix + "/cmd/relay1','state_topic':'" + prefix + "/state/relay1',"
                + "'payload_on':'ON','payload_off':'OFF','state_on':'ON','state_off':'OFF',"),
            Tail(prefix));
    }

    static byte[] PwmDocument(string prefix)
    {
        return Expect.Join(
            Ascii.Json("{'name':'led','unique_id':'dev1_led','command_topic':'" + prefix + "/cmd/led','state_topic':'" + prefix + "/state/led',"
                + "'min':0,'max':100,'step':1,'unit_of_measurement':'%','mode':'slider',"),
            Tail(prefix));
    }

    static DeviceFixture WithDiscovery(string haPrefix)
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.HomeAssistantDiscovery = true;
        if (haPrefix != null) config.HomeAssistantPrefix = haPrefix;
        DeviceFixture f = new DeviceFixture(config);
        f.Connect();
        return f;
    }

    [TestMethod]
    public void DiscoveryPublishesOneRetainedConfigPerQuantityAndActuatorAfterInfo()
    {
        DeviceFixture f = WithDiscovery(null);
        Assert.AreEqual(DeviceFixture.Base + "/info", f.Link[1].Topic, "info first");
        Expect.Message(f.Link, 2, "homeassistant/sensor/dev1/dht22_temperature_c/config",
            SensorDocument(DeviceFixture.Base, "dht22", "temperature_c", "temperature", DegreesCelsius), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 3, "homeassistant/sensor/dev1/dht22_humidity_pct/config",
            SensorDocument(DeviceFixture.Base, "dht22", "humidity_pct", "humidity", Ascii.Bytes("%")), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 4, "homeassistant/switch/dev1/relay1/config", RelayDocument(DeviceFixture.Base), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 5, "homeassistant/number/dev1/led/config", PwmDocument(DeviceFixture.Base), MqttQos.AtLeastOnce, true);
        Assert.AreEqual("homeassistant/number/dev1/telemetry_interval/config", f.Link[6].Topic, "the interval");
        Assert.AreEqual(DeviceFixture.Base + "/settings/reported", f.Link[7].Topic, "then the settings");
        Assert.AreEqual(DeviceFixture.Base + "/event", f.Link[8].Topic, "then the boot event");
        Assert.AreEqual(12, f.Link.Count, "status, info, 5 configs, settings, boot, 2 states, telemetry");
    }

    [TestMethod]
    public void WithoutDiscoveryNoConfigIsPublished()
    {
        DeviceFixture f = new DeviceFixture();
        f.Connect();
        for (int i = 0; i < f.Link.Count; i++) Assert.IsFalse(f.Link[i].Topic.IndexOf("homeassistant") == 0, "message " + i.ToString() + " is " + f.Link[i].Topic);
    }

    [TestMethod]
    public void TheDiscoveryPrefixIsTheConfiguredOne()
    {
        DeviceFixture f = WithDiscovery("ha");
        Expect.Message(f.Link, 4, "ha/switch/dev1/relay1/config", RelayDocument(DeviceFixture.Base), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void DocumentsFollowTheTopicPrefix()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.HomeAssistantDiscovery = true;
        config.Prefix = "site/a";
        DeviceFixture f = new DeviceFixture(config);
        f.Connect();
        Expect.Message(f.Link, 0, "site/a/dev1/status", Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 5, "homeassistant/number/dev1/led/config", PwmDocument("site/a/dev1"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void ThePressureQuantityIsDescribedInHectopascal()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.HomeAssistantDiscovery = true;
        FakeSensor bme = new FakeSensor("bme", new EdgeSensor.Device.Sensors.SensorQuantity[]
        {
            EdgeSensor.Device.Sensors.SensorQuantity.TemperatureC, EdgeSensor.Device.Sensors.SensorQuantity.HumidityPercent, EdgeSensor.Device.Sensors.SensorQuantity.PressureHpa,
        });
        DeviceFixture f = new DeviceFixture(config, new EdgeSensor.Device.Sensors.ISensor[] { bme });
        f.Connect();
        Expect.Message(f.Link, 4, "homeassistant/sensor/dev1/bme_pressure_hpa/config",
            SensorDocument(DeviceFixture.Base, "bme", "pressure_hpa", "pressure", Ascii.Bytes("hPa")), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void DiscoveryIsRepublishedAfterAReconnect()
    {
        DeviceFixture f = WithDiscovery(null);
        f.Link.Clear();
        f.Device.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Connect();
        Assert.AreEqual(11, f.Link.Count, "status, info, 5 configs, settings, why it was offline, 2 states: no boot event");
        Expect.Message(f.Link, 5, "homeassistant/number/dev1/led/config", PwmDocument(DeviceFixture.Base), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void TheIntervalIsANumber()
    {
        DeviceFixture f = WithDiscovery(null);
        Expect.Message(f.Link, 6, "homeassistant/number/dev1/telemetry_interval/config", Expect.Join(
            Ascii.Json("{'name':'telemetry interval','unique_id':'dev1_telemetry_interval','command_topic':'" + DeviceFixture.Base + "/settings/desired',"
                + "'command_template':'{\\'version\\':{{ now().timestamp() | int }},\\'telemetry\\':{\\'interval_s\\':{{ value | int }}}}','retain':true,"
                + "'state_topic':'" + DeviceFixture.Base + "/settings/reported','value_template':'{{ value_json.telemetry.interval_s }}',"
                + "'min':1,'max':86400,'step':1,'unit_of_measurement':'s','mode':'box','entity_category':'config',"),
            Tail(DeviceFixture.Base)), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void SettingsRenameAndRemove()
    {
        DeviceFixture f = WithDiscovery(null);
        f.Link.Clear();
        SettingsFixture.Desire(f, "{'version':1,'sensors':[{'name':'dht22','enabled':false}],'actuators':[{'name':'relay1','display_name':'Pump'}]}");
        Assert.AreEqual(0, f.Link[1].Payload.Length, "t");
        Assert.AreEqual(0, f.Link[2].Payload.Length, "h");
        Assert.IsTrue(f.Link[2].Retain, "retained");
        Expect.Message(f.Link, 3, "homeassistant/switch/dev1/relay1/config", RelayDocument(DeviceFixture.Base, "Pump"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void DiscoveryOffRemovesAllOnce()
    {
        DeviceFixture f = WithDiscovery(null);
        f.Link.Clear();
        SettingsFixture.Desire(f, "{'version':1,'homeassistant':{'discovery':false}}");
        Assert.AreEqual(7, f.Link.Count, "7");
        for (int i = 1; i <= 5; i++) Assert.AreEqual(0, f.Link[i].Payload.Length, i.ToString());
        f.Link.Clear();
        f.Device.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Connect();
        Assert.AreEqual(0, f.Link.CountEndingWith("/config"), "0");

        SettingsFixture.Desire(f, "{'version':2,'homeassistant':{'discovery':true}}");
        Assert.AreEqual(5, f.Link.CountEndingWith("/config"), "5");
    }
}
