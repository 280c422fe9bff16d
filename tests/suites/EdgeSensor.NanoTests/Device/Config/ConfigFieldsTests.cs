using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// Every member lands in its model field on the device's runtime: the parser stores values by reflection
/// (FieldInfo.SetValue), so each kind of value is checked here on nanoCLR, not only on the desktop.
/// </summary>
[TestClass]
public class ConfigFieldsTests
{
    const string EveryField = "{'id':'dev-1','board':'b1','prefix':'p/q','keepalive_s':45,'failure_event_after':7,"
        + "'broker':{'host':'h.lan','port':8883,'tls':true,'ca_certificate':'-----BEGIN CERTIFICATE-----x-----END CERTIFICATE-----','username':'u','password':'pw'},"
        + "'wifi':{'ssid':'shed','password':'secret12'},'telemetry':{'interval_s':60,'qos':0},'homeassistant':{'discovery':true,'prefix':'ha'},"
        + "'i2c':[{'bus':2,'sda':18,'scl':19}],"
        + "'sensors':[{'kind':'dht11','name':'d','pin_echo':4,'pin_trigger':5},{'kind':'bme280','name':'b','bus':2,'address':'0x77'}],"
        + "'actuators':[{'kind':'relay','name':'r','pin':26,'active_low':true,'safe_state':'on'},{'kind':'pwm','name':'p','pin':25,'frequency_hz':500,'safe_state':40}]}";

    [TestMethod]
    public void TopLevelAndFlattenedMembersLandInTheDeviceModel()
    {
        DeviceConfig config = Parse();
        Assert.AreEqual("dev-1", config.Id, "id");
        Assert.AreEqual("b1", config.Board, "board");
        Assert.AreEqual("p/q", config.Prefix, "prefix");
        Assert.AreEqual(45, config.KeepAliveSeconds, "keepalive_s");
        Assert.AreEqual(7, config.FailureEventAfter, "failure_event_after");
        Assert.AreEqual(60, config.TelemetryIntervalSeconds, "telemetry.interval_s");
        Assert.AreEqual(0, config.TelemetryQos, "telemetry.qos");
        Assert.IsTrue(config.HomeAssistantDiscovery, "homeassistant.discovery");
        Assert.AreEqual("ha", config.HomeAssistantPrefix, "homeassistant.prefix");
    }

    [TestMethod]
    public void ObjectMembersLandInTheirModels()
    {
        DeviceConfig config = Parse();
        Assert.AreEqual("h.lan", config.Broker.Host, "broker.host");
        Assert.AreEqual(8883, config.Broker.Port, "broker.port");
        Assert.IsTrue(config.Broker.Tls, "broker.tls");
        Assert.AreEqual("-----BEGIN CERTIFICATE-----x-----END CERTIFICATE-----", config.Broker.CaCertificate, "broker.ca_certificate");
        Assert.AreEqual("u", config.Broker.UserName, "broker.username");
        Assert.AreEqual("pw", config.Broker.Password, "broker.password");
        Assert.AreEqual("shed", config.Wifi.Ssid, "wifi.ssid");
        Assert.AreEqual("secret12", config.Wifi.Password, "wifi.password");
    }

    [TestMethod]
    public void ArrayElementsLandInTypedArrays()
    {
        DeviceConfig config = Parse();
        Assert.AreEqual(1, config.I2cBuses.Length, "i2c");
        Assert.AreEqual(2, config.I2cBuses[0].Bus, "i2c[0].bus");
        Assert.AreEqual(18, config.I2cBuses[0].SdaPin, "i2c[0].sda");
        Assert.AreEqual(19, config.I2cBuses[0].SclPin, "i2c[0].scl");

        SensorConfig dht = config.Sensors[0];
        Assert.AreEqual((int)SensorKind.Dht11, (int)dht.Kind, "sensors[0].kind");
        Assert.AreEqual("d", dht.Name, "sensors[0].name");
        Assert.AreEqual(4, dht.PinEcho, "sensors[0].pin_echo");
        Assert.AreEqual(5, dht.PinTrigger, "sensors[0].pin_trigger");
        SensorConfig bme = config.Sensors[1];
        Assert.AreEqual((int)SensorKind.Bme280, (int)bme.Kind, "sensors[1].kind");
        Assert.AreEqual(2, bme.I2cBus, "sensors[1].bus");
        Assert.AreEqual(0x77, bme.Address, "sensors[1].address");

        ActuatorConfig relay = config.Actuators[0];
        Assert.AreEqual((int)ActuatorKind.Relay, (int)relay.Kind, "actuators[0].kind");
        Assert.AreEqual(26, relay.Pin, "actuators[0].pin");
        Assert.IsTrue(relay.ActiveLow, "actuators[0].active_low");
        Assert.IsTrue(relay.SafeOn, "actuators[0].safe_state");
        ActuatorConfig pwm = config.Actuators[1];
        Assert.AreEqual((int)ActuatorKind.Pwm, (int)pwm.Kind, "actuators[1].kind");
        Assert.AreEqual("p", pwm.Name, "actuators[1].name");
        Assert.AreEqual(500, pwm.FrequencyHz, "actuators[1].frequency_hz");
        Assert.AreEqual(40, pwm.SafePercent, "actuators[1].safe_state");
    }

    [TestMethod]
    public void AbsentMembersKeepTheModelDefaults()
    {
        byte[] json = Ascii.Json("{'actuators':[{'kind':'pwm','name':'p','pin':25}]}");
        DeviceConfig config = DeviceConfigParser.Parse(json, 0, json.Length);
        Assert.AreEqual(1883, config.Broker.Port, "broker.port");
        Assert.AreEqual(10, config.TelemetryIntervalSeconds, "telemetry.interval_s");
        Assert.AreEqual(0, config.Sensors.Length, "sensors");
        Assert.AreEqual(1000, config.Actuators[0].FrequencyHz, "actuators[0].frequency_hz");
    }

    static DeviceConfig Parse()
    {
        byte[] json = Ascii.Json(EveryField);
        return DeviceConfigParser.Parse(json, 0, json.Length);
    }
}
