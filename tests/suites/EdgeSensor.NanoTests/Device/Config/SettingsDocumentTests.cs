using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// Desired settings documents (device-topics.md) read onto a compiled-in configuration by the config parser: only what
/// may change remotely, refused with the same field names, the rest refused by name; the compiled-in one is untouched.
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

    /// <summary>Refused at <paramref name="field"/>, the problem starting with <paramref name="problem"/>.</summary>
    static void AssertRefused(string singleQuoted, string field, string problem)
    {
        try
        {
            Read(ConfigDocument.Parse(CompiledIn), singleQuoted);
        }
        catch (ConfigException error)
        {
            Assert.AreEqual(field, error.Path, "field");
            Assert.AreEqual(0, error.Problem.IndexOf(problem), error.Problem);
            return;
        }
        Assert.IsTrue(false, "the document was accepted");
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
        Assert.AreEqual(5, read.TelemetryMinIntervalSeconds, "min interval");
        Assert.IsTrue(read.HomeAssistantDiscovery, "discovery");
        Assert.IsFalse(read.Sensors[0].Enabled, "enabled");
        Assert.AreEqual(5, read.Sensors[0].Change, "change in tenths");
        Assert.AreEqual(18, read.Sensors[0].PinTrigger, "the wiring is the compiled-in one");
        Assert.AreEqual(40, read.Actuators[0].SafePercent, "p's safe state");
        Assert.AreEqual((int)ActuatorKind.Pwm, (int)read.Actuators[0].Kind, "p's kind");
        Assert.AreEqual("Pump", read.Actuators[1].DisplayName, "display name");
        Assert.IsFalse(read.Actuators[1].SafeOn, "r's safe state");
        Assert.AreEqual(26, read.Actuators[1].Pin, "r's pin");
        Assert.AreEqual("d", read.Id, "the rest is the compiled-in configuration");
    }

    [TestMethod]
    public void WhatADocumentLeavesOutKeepsItsCompiledInValue()
    {
        DeviceConfig compiledIn = ConfigDocument.Parse(CompiledIn);
        DeviceConfig read = Read(compiledIn, "{'actuators':[{'name':'r','display_name':'Pump'}],'version':2}");
        Assert.IsTrue(read.Actuators[0].SafeOn, "safe state kept");
        Assert.IsTrue(read.Actuators[0].ActiveLow == compiledIn.Actuators[0].ActiveLow, "wiring kept");
        Assert.AreEqual(1, read.Actuators.Length, "the elements listed");
        Assert.AreEqual(10, read.TelemetryIntervalSeconds, "interval kept");
        Assert.IsNull(compiledIn.Actuators[0].DisplayName, "the compiled-in configuration is untouched");
        Assert.AreEqual(0, compiledIn.SettingsVersion, "compiled-in: version 0");
    }

    [TestMethod]
    [DataRow("0", 0)]
    [DataRow("0.5", 5)]
    [DataRow("12", 120)]
    [DataRow("999.9", 9999)]
    [DataRow("1000", 10000)]
    public void AChangeThresholdHasOneDecimalAtMost(string change, int tenths)
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
    public void WhatCouldCutTheBoardOffIsRefusedByName(string document, string field)
    {
        AssertRefused(document, field, "not a remote setting");
    }

    // The whole messages are checked on the desktop (EdgeSensor.Device.Tests): this assembly's strings are counted.
    [TestMethod]
    [DataRow("{'telemetry':{}}", "version", "missing")]
    [DataRow("{'version':1,'sensors':[{'name':'sht'}]}", "sensors[0].name", "no sensor")]
    [DataRow("{'version':1,'sensors':[{'name':'dht','change':0.25}]}", "sensors[0].change", "expected a number")]
    [DataRow("{'version':1,'sensors':[{'name':'dht','change':1e1}]}", "sensors[0].change", "expected a number")]
    [DataRow("{'version':1,'actuators':[{'name':'r','display_name':'a\\u0000'}]}", "actuators[0].display_name", "must not contain U+0000")]
    [DataRow("{'version':1,'telemetry':[[[[[[[[]]]]]]]]}", "telemetry", "expected an object")]
    public void ARefusalNamesTheFieldAsTheConfigParserDoes(string document, string field, string problem)
    {
        AssertRefused(document, field, problem);
    }

    [TestMethod]
    public void TheCompiledInConfigurationHasNoVersion()
    {
        ConfigException error = ConfigDocument.Refused(Utf8Text.Json("{'version':1}"));
        Assert.AreEqual("version", error.Path, "field");
        Assert.AreEqual(0, error.Problem.IndexOf("unknown property"), "problem");
    }

    [TestMethod]
    public void TheCompiledInConfigurationMayHoldTheRemoteSettingsToo()
    {
        DeviceConfig config = ConfigDocument.Parse("{'telemetry':{'min_interval_s':2},'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5,'enabled':false,'change':1.5}],"
            + "'actuators':[{'kind':'relay','name':'r','pin':26,'display_name':'Fan'}]}");
        Assert.AreEqual(2, config.TelemetryMinIntervalSeconds, "min interval");
        Assert.IsFalse(config.Sensors[0].Enabled, "enabled");
        Assert.AreEqual(15, config.Sensors[0].Change, "change");
        Assert.AreEqual("Fan", config.Actuators[0].DisplayName, "display name");
    }
}
