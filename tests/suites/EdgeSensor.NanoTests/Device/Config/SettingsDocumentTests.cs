using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// Desired settings documents (device-topics.md) read onto a compiled-in configuration by the config parser: only what
/// may change remotely, refused by field as the config parser names them; the compiled-in one is untouched. The whole
/// messages are checked on the desktop (EdgeSensor.Device.Tests, SettingsRefusalTests): this assembly's strings are counted.
/// </summary>
[TestClass]
public class SettingsDocumentTests
{
    const string CompiledIn = "{'id':'d','sensors':[{'kind':'dht22','name':'dht','pin_echo':4,'pin_trigger':18}],"
        + "'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':'on'},{'kind':'pwm','name':'p','pin':25,'safe_state':7}]}";

    static DeviceConfig Read(DeviceConfig compiledIn, string singleQuoted)
    {
        byte[] json = Utf8Text.Json(singleQuoted);
        return DeviceConfigParser.ParseSettings(json, 0, json.Length, compiledIn);
    }

    [TestMethod]
    public void EveryRemoteSettingIsRead()
    {
        DeviceConfig compiledIn = ConfigDocument.Parse(CompiledIn);
        DeviceConfig read = Read(compiledIn, "{'version':7,'telemetry':{'interval_s':60,'qos':0,'min_interval_s':5},'homeassistant':{'discovery':true},"
            + "'sensors':[{'name':'dht','enabled':false,'change':0.5}],'actuators':[{'name':'p','safe_state':40},{'name':'r','display_name':'Pump','safe_state':'off'}]}");
        Assert.AreEqual(7, read.SettingsVersion, "version");
        Assert.AreEqual(60, read.TelemetryIntervalSeconds, "interval");
        Assert.AreEqual(0, read.TelemetryQos, "qos");
        Assert.AreEqual(5, read.TelemetryMinIntervalSeconds, "min");
        Assert.IsTrue(read.HomeAssistantDiscovery, "ha");
        Assert.IsFalse(read.Sensors[0].Enabled, "on");
        Assert.AreEqual(5, read.Sensors[0].Change, "tenths");
        Assert.AreEqual(18, read.Sensors[0].PinTrigger, "pin kept");
        Assert.AreEqual(40, read.Actuators[0].SafePercent, "p safe");
        Assert.AreEqual((int)ActuatorKind.Pwm, (int)read.Actuators[0].Kind, "p kind");
        Assert.AreEqual("Pump", read.Actuators[1].DisplayName, "name");
        Assert.IsFalse(read.Actuators[1].SafeOn, "r safe");
        Assert.AreEqual(26, read.Actuators[1].Pin, "r pin");
        Assert.AreEqual("d", read.Id, "id");
    }

    [TestMethod]
    public void WhatADocumentLeavesOutKeepsItsCompiledInValue()
    {
        DeviceConfig compiledIn = ConfigDocument.Parse(CompiledIn);
        DeviceConfig read = Read(compiledIn, "{'actuators':[{'name':'r','display_name':'Pump'}],'version':2}");
        Assert.IsTrue(read.Actuators[0].SafeOn, "safe state");
        Assert.AreEqual(1, read.Actuators.Length, "listed");
        Assert.AreEqual(10, read.TelemetryIntervalSeconds, "interval");
        Assert.IsNull(compiledIn.Actuators[0].DisplayName, "untouched");
        Assert.AreEqual(0, compiledIn.SettingsVersion, "version 0");
    }

    [TestMethod]
    [DataRow("0", 0)]
    [DataRow("0.5", 5)]
    [DataRow("12", 120)]
    [DataRow("999.9", 9999)]
    [DataRow("1000", 10000)]
    public void AChangeHasOneDecimalAtMost(string change, int tenths)
    {
        DeviceConfig read = Read(ConfigDocument.Parse(CompiledIn), "{'version':1,'sensors':[{'name':'dht','change':" + change + "}]}");
        Assert.AreEqual(tenths, read.Sensors[0].Change, "tenths");
    }

    [TestMethod]
    [DataRow("{'version':1,'broker':{'port':1}}", "broker")]
    [DataRow("{'version':1,'wifi':{}}", "wifi")]
    [DataRow("{'version':1,'id':'x'}", "id")]
    [DataRow("{'version':1,'sensors':[{'name':'dht','pin_echo':5}]}", "sensors[0].pin_echo")]
    [DataRow("{'version':1,'actuators':[{'name':'r','pin':27}]}", "actuators[0].pin")]
    [DataRow("{'telemetry':{}}", "version")]
    [DataRow("{'version':1,'sensors':[{'name':'sht'}]}", "sensors[0].name")]
    [DataRow("{'version':1,'sensors':[{'name':'dht','change':0.25}]}", "sensors[0].change")]
    [DataRow("{'version':1,'sensors':[{'name':'dht','change':1e1}]}", "sensors[0].change")]
    [DataRow("{'version':1,'actuators':[{'name':'r','display_name':'a\\u0000'}]}", "actuators[0].display_name")]
    [DataRow("{'version':1,'telemetry':[[[[[[[[]]]]]]]]}", "telemetry")]
    public void ARefusalNamesTheField(string document, string field)
    {
        try
        {
            Read(ConfigDocument.Parse(CompiledIn), document);
        }
        catch (ConfigException error)
        {
            Assert.AreEqual(field, error.Path, error.Problem);
            return;
        }
        Assert.IsTrue(false, "accepted");
    }

    [TestMethod]
    public void TheCompiledInConfigurationHasNoVersion()
    {
        Assert.AreEqual("version", ConfigDocument.Refused(Utf8Text.Json("{'version':1}")).Path, "field");
    }

    [TestMethod]
    public void TheCompiledInConfigurationMayHoldRemoteSettings()
    {
        DeviceConfig config = ConfigDocument.Parse("{'telemetry':{'min_interval_s':2},'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5,'enabled':false,'change':1.5}],"
            + "'actuators':[{'kind':'relay','name':'r','pin':26,'display_name':'Fan'}]}");
        Assert.AreEqual(2, config.TelemetryMinIntervalSeconds, "min");
        Assert.IsFalse(config.Sensors[0].Enabled, "on");
        Assert.AreEqual(15, config.Sensors[0].Change, "change");
        Assert.AreEqual("Fan", config.Actuators[0].DisplayName, "name");
    }
}
