using System;
using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>What an accepted document yields: the samples as shipped, the defaults, and values at the edges of every rule.</summary>
[TestClass]
public class AcceptedConfigTests
{
    [TestMethod]
    public void TheEsp32DevKitCSampleIsTheDefaultWiring()
    {
        DeviceConfig config = ConfigDocument.Parse(Ascii.Bytes(SampleDocuments.Esp32DevKitC));

        Assert.AreEqual("", config.Id, "id");
        Assert.AreEqual("esp32-devkitc", config.Board, "board");
        Assert.AreEqual("edgesensor", config.Prefix, "prefix");
        Assert.AreEqual("192.168.1.10", config.Broker.Host, "broker.host");
        Assert.AreEqual(1883, config.Broker.Port, "broker.port");
        Assert.IsFalse(config.Broker.Tls, "broker.tls");
        Assert.IsNull(config.Broker.CaCertificate, "broker.ca_certificate");
        // Credentials are not in the committed sample: on the board they come from the git-ignored DeviceSecrets.cs.
        Assert.IsNull(config.Broker.UserName, "broker.username");
        Assert.IsNull(config.Broker.Password, "broker.password");
        Assert.IsNull(config.Wifi.Ssid, "wifi.ssid");
        Assert.AreEqual(10, config.TelemetryIntervalSeconds, "telemetry.interval_s");
        Assert.AreEqual(1, config.TelemetryQos, "telemetry.qos");
        Assert.AreEqual(30, config.KeepAliveSeconds, "keepalive_s");
        Assert.AreEqual(3, config.FailureEventAfter, "failure_event_after");
        Assert.IsFalse(config.HomeAssistantDiscovery, "homeassistant.discovery");
        Assert.AreEqual("homeassistant", config.HomeAssistantPrefix, "homeassistant.prefix");
        AssertDefaultWiring(config);
    }

    [TestMethod]
    public void TheSimulatedSampleHasTheSameWiringAndALoopbackBroker()
    {
        DeviceConfig config = ConfigDocument.Parse(Ascii.Bytes(SampleDocuments.Simulated));

        Assert.AreEqual("sim-001", config.Id, "id");
        Assert.AreEqual("simulated", config.Board, "board");
        Assert.AreEqual("127.0.0.1", config.Broker.Host, "broker.host");
        Assert.AreEqual(1883, config.Broker.Port, "broker.port");
        Assert.IsNull(config.Broker.UserName, "broker.username");
        Assert.IsNull(config.Broker.Password, "broker.password");
        Assert.IsNull(config.Wifi.Ssid, "wifi.ssid");
        Assert.IsTrue(config.HomeAssistantDiscovery, "homeassistant.discovery");
        AssertDefaultWiring(config);
    }

    [TestMethod]
    public void TheIssueExampleParsesWithEveryField()
    {
        DeviceConfig config = ConfigDocument.Parse(Ascii.Bytes(ConfigExamples.IssueExample));

        Assert.AreEqual("esp32-a1b2c3", config.Id, "id");
        Assert.AreEqual("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", config.Broker.CaCertificate, "broker.ca_certificate");
        Assert.AreEqual("dev", config.Broker.UserName, "broker.username");
        Assert.AreEqual("secret", config.Broker.Password, "broker.password");
        Assert.AreEqual("shed", config.Wifi.Ssid, "wifi.ssid");
        Assert.IsTrue(config.HomeAssistantDiscovery, "homeassistant.discovery");
        Assert.AreEqual(0x76, config.Sensors[2].Address, "sensors[2].address");
        AssertDefaultWiring(config);
    }

    [TestMethod]
    public void AnEmptyObjectTakesEveryDefaultOfTheModel()
    {
        DeviceConfig config = ConfigDocument.Parse("{}");
        DeviceConfig defaults = new DeviceConfig();

        Assert.AreEqual("", config.Id, "id");
        Assert.AreEqual(defaults.Board, config.Board, "board");
        Assert.AreEqual(defaults.Prefix, config.Prefix, "prefix");
        Assert.AreEqual(defaults.Broker.Host, config.Broker.Host, "broker.host");
        Assert.AreEqual(defaults.Broker.Port, config.Broker.Port, "broker.port");
        Assert.AreEqual(defaults.Broker.Tls, config.Broker.Tls, "broker.tls");
        Assert.IsNull(config.Broker.UserName, "broker.username");
        Assert.IsNull(config.Wifi.Ssid, "wifi.ssid");
        Assert.AreEqual(defaults.TelemetryIntervalSeconds, config.TelemetryIntervalSeconds, "telemetry.interval_s");
        Assert.AreEqual(defaults.TelemetryQos, config.TelemetryQos, "telemetry.qos");
        Assert.AreEqual(defaults.KeepAliveSeconds, config.KeepAliveSeconds, "keepalive_s");
        Assert.AreEqual(defaults.FailureEventAfter, config.FailureEventAfter, "failure_event_after");
        Assert.AreEqual(defaults.HomeAssistantDiscovery, config.HomeAssistantDiscovery, "homeassistant.discovery");
        Assert.AreEqual(defaults.HomeAssistantPrefix, config.HomeAssistantPrefix, "homeassistant.prefix");
        Assert.AreEqual(0, config.I2cBuses.Length, "i2c");
        Assert.AreEqual(0, config.Sensors.Length, "sensors");
        Assert.AreEqual(0, config.Actuators.Length, "actuators");
    }

    [TestMethod]
    public void AbsentOptionalMembersOfElementsTakeTheModelDefaults()
    {
        DeviceConfig config = ConfigDocument.Parse(
            "{'i2c':[{}],'sensors':[{'kind':'bme280','name':'b','address':'0x77'}],"
            + "'actuators':[{'kind':'relay','name':'r','pin':26},{'kind':'pwm','name':'p','pin':25}]}");

        Assert.AreEqual(1, config.I2cBuses[0].Bus, "i2c[0].bus");
        Assert.AreEqual(21, config.I2cBuses[0].SdaPin, "i2c[0].sda");
        Assert.AreEqual(22, config.I2cBuses[0].SclPin, "i2c[0].scl");
        Assert.AreEqual(1, config.Sensors[0].I2cBus, "sensors[0].bus");
        Assert.IsFalse(config.Actuators[0].ActiveLow, "actuators[0].active_low");
        Assert.IsFalse(config.Actuators[0].SafeOn, "actuators[0].safe_state");
        Assert.AreEqual(1000, config.Actuators[1].FrequencyHz, "actuators[1].frequency_hz");
        Assert.AreEqual(0, config.Actuators[1].SafePercent, "actuators[1].safe_state");
    }

    [TestMethod]
    [DataRow("{'id':''}")]
    [DataRow("{'keepalive_s':0}")]
    [DataRow("{'keepalive_s':65535,'failure_event_after':2147483647}")]
    [DataRow("{'telemetry':{'interval_s':86400,'qos':0}}")]
    [DataRow("{'telemetry':{'interval_s':1}}")]
    public void AcceptsIdsAndNumbersAtTheEdgesOfTheirRanges(string document)
    {
        Assert.IsNotNull(ConfigDocument.Parse(document));
    }

    [TestMethod]
    [DataRow("{'broker':{'port':65535,'host':'broker.example.com'}}")]
    [DataRow("{'broker':{'port':8883,'tls':true,'ca_certificate':'-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----'}}")]
    [DataRow("{'broker':{'username':'dev'}}")]
    [DataRow("{'broker':{'username':'','password':''}}")]
    [DataRow("{'wifi':{'ssid':'€€€€€€€€€€a','password':''}}")]
    [DataRow("{'wifi':{'ssid':'x','password':'0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef'}}")]
    public void AcceptsBrokerAndWifiSettingsAtTheEdgesOfTheirRules(string document)
    {
        Assert.IsNotNull(ConfigDocument.Parse(document));
    }

    [TestMethod]
    [DataRow("{'prefix':'site-1/edge_sensor/€'}")]
    [DataRow("{'prefix':'a/\\u00AD/b'}")]
    public void AcceptsPrefixesWithCharactersBeyondAscii(string document)
    {
        Assert.IsNotNull(ConfigDocument.Parse(document));
    }

    [TestMethod]
    [DataRow("{'sensors':[{'kind':'dht11','name':'t','pin_echo':32,'pin_trigger':33}],'actuators':[{'kind':'relay','name':'t','pin':0}]}")]
    [DataRow("{'sensors':[{'kind':'sht3x','name':'a','address':68},{'kind':'sht3x','name':'b','address':'0X45'}],'i2c':[{'bus':1}]}")]
    [DataRow("{'i2c':[{'bus':1},{'bus':2,'sda':18,'scl':19}],'sensors':[{'kind':'sht3x','name':'a','address':68},{'kind':'sht3x','name':'b','bus':2,'address':68}]}")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':23,'frequency_hz':40000,'safe_state':100},{'kind':'relay','name':'r','pin':19,'safe_state':'on'}]}")]
    public void AcceptsWiringAtTheEdgesOfEveryRule(string document)
    {
        Assert.IsNotNull(ConfigDocument.Parse(document));
    }

    [TestMethod]
    [DataRow("{'\\u0069d':'esc\\u0061ped'}")]
    public void AcceptsEscapedMemberNamesAndValues(string document)
    {
        Assert.IsNotNull(ConfigDocument.Parse(document));
    }

    [TestMethod]
    public void ReadsEachAcceptedEdgeValueIntoTheModel()
    {
        DeviceConfig config = ConfigDocument.Parse(
            "{'keepalive_s':0,'i2c':[{'bus':2,'sda':18,'scl':19}],"
            + "'sensors':[{'kind':'sht3x','name':'b','bus':2,'address':'0X45'}],"
            + "'actuators':[{'kind':'pwm','name':'p','pin':23,'frequency_hz':40000,'safe_state':100},{'kind':'relay','name':'r','pin':5,'safe_state':'on','active_low':true}]}");

        Assert.AreEqual(0, config.KeepAliveSeconds, "keepalive_s");
        Assert.AreEqual(2, config.Sensors[0].I2cBus, "sensors[0].bus");
        Assert.AreEqual(0x45, config.Sensors[0].Address, "sensors[0].address");
        Assert.AreEqual(40000, config.Actuators[0].FrequencyHz, "actuators[0].frequency_hz");
        Assert.AreEqual(100, config.Actuators[0].SafePercent, "actuators[0].safe_state");
        Assert.IsTrue(config.Actuators[1].SafeOn, "actuators[1].safe_state");
        Assert.IsTrue(config.Actuators[1].ActiveLow, "actuators[1].active_low");
        Assert.AreEqual((int)SensorKind.Sht3x, (int)config.Sensors[0].Kind, "sensors[0].kind");
        Assert.AreEqual((int)ActuatorKind.Pwm, (int)config.Actuators[0].Kind, "actuators[0].kind");
    }

    [TestMethod]
    public void ParsesADocumentInTheMiddleOfABufferWithAByteOrderMark()
    {
        byte[] document = Ascii.Json("{'id':'x'}");
        byte[] buffer = new byte[document.Length + 10];
        buffer[2] = 0xEF;
        buffer[3] = 0xBB;
        buffer[4] = 0xBF;
        Array.Copy(document, 0, buffer, 5, document.Length);

        Assert.AreEqual("x", DeviceConfigParser.Parse(buffer, 2, document.Length + 3).Id, "id");
    }

    [TestMethod]
    public void RefusesANullBufferAsAProgrammingError()
    {
        Assert.ThrowsException(typeof(ArgumentNullException), () => DeviceConfigParser.Parse(null, 0, 0), "null");
    }

    [TestMethod]
    public void RefusesASliceOutsideTheBufferAsAProgrammingError()
    {
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => DeviceConfigParser.Parse(new byte[2], 1, 2), "slice");
    }

    static void AssertDefaultWiring(DeviceConfig config)
    {
        Assert.AreEqual(1, config.I2cBuses.Length, "i2c");
        I2cBusConfig bus = config.I2cBuses[0];
        Assert.AreEqual(1, bus.Bus, "i2c[0].bus");
        Assert.AreEqual(21, bus.SdaPin, "i2c[0].sda");
        Assert.AreEqual(22, bus.SclPin, "i2c[0].scl");

        Assert.AreEqual(3, config.Sensors.Length, "sensors");
        SensorConfig dht = config.Sensors[0];
        Assert.AreEqual((int)SensorKind.Dht22, (int)dht.Kind, "sensors[0].kind");
        Assert.AreEqual("dht22", dht.Name, "sensors[0].name");
        Assert.AreEqual(4, dht.PinEcho, "sensors[0].pin_echo");
        Assert.AreEqual(18, dht.PinTrigger, "sensors[0].pin_trigger");
        SensorConfig sht = config.Sensors[1];
        Assert.AreEqual((int)SensorKind.Sht3x, (int)sht.Kind, "sensors[1].kind");
        Assert.AreEqual("sht31", sht.Name, "sensors[1].name");
        Assert.AreEqual(1, sht.I2cBus, "sensors[1].bus");
        Assert.AreEqual(0x44, sht.Address, "sensors[1].address");
        SensorConfig bme = config.Sensors[2];
        Assert.AreEqual((int)SensorKind.Bme280, (int)bme.Kind, "sensors[2].kind");
        Assert.AreEqual("bme280", bme.Name, "sensors[2].name");
        Assert.AreEqual(1, bme.I2cBus, "sensors[2].bus");
        Assert.AreEqual(0x76, bme.Address, "sensors[2].address");

        Assert.AreEqual(2, config.Actuators.Length, "actuators");
        ActuatorConfig relay = config.Actuators[0];
        Assert.AreEqual((int)ActuatorKind.Relay, (int)relay.Kind, "actuators[0].kind");
        Assert.AreEqual("relay1", relay.Name, "actuators[0].name");
        Assert.AreEqual(26, relay.Pin, "actuators[0].pin");
        Assert.IsTrue(relay.ActiveLow, "actuators[0].active_low");
        Assert.IsFalse(relay.SafeOn, "actuators[0].safe_state");
        ActuatorConfig led = config.Actuators[1];
        Assert.AreEqual((int)ActuatorKind.Pwm, (int)led.Kind, "actuators[1].kind");
        Assert.AreEqual("led", led.Name, "actuators[1].name");
        Assert.AreEqual(25, led.Pin, "actuators[1].pin");
        Assert.AreEqual(1000, led.FrequencyHz, "actuators[1].frequency_hz");
        Assert.AreEqual(0, led.SafePercent, "actuators[1].safe_state");
    }
}
