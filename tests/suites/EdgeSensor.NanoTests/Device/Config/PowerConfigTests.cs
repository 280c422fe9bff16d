using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>The <c>power</c> object: mains by default, battery on request, and what battery mode refuses.</summary>
[TestClass]
public class PowerConfigTests
{
    [TestMethod]
    public void MainsIsTheDefault()
    {
        DeviceConfig config = ConfigDocument.Parse("{}");
        Assert.IsFalse(config.Battery, "battery");
        Assert.AreEqual(30, config.AwakeLimitSeconds, "awake_limit_s");
        Assert.IsFalse(ConfigDocument.Parse("{'power':{'mode':'mains'}}").Battery, "mains");
    }

    [TestMethod]
    public void BatteryModeTakesItsAwakeLimit()
    {
        DeviceConfig config = ConfigDocument.Parse("{'telemetry':{'interval_s':600},'power':{'mode':'battery','awake_limit_s':20}}");
        Assert.IsTrue(config.Battery, "battery");
        Assert.AreEqual(20, config.AwakeLimitSeconds, "awake_limit_s");
        Assert.AreEqual(600, config.TelemetryIntervalSeconds, "the report interval");
    }

    [TestMethod]
    [DataRow("{'power':{'mode':'Battery'}}", "power.mode: expected \"mains\" or \"battery\", got \"Battery\"")]
    [DataRow("{'power':{'mode':true}}", "power.mode: expected a string, got true")]
    [DataRow("{'power':{'awake_limit_s':0}}", "power.awake_limit_s: expected an integer from 1 to 3600, got 0")]
    [DataRow("{'power':{'sleep_s':60}}", "power.sleep_s: unknown property (known: mode, awake_limit_s)")]
    [DataRow("{'power':{'mode':'battery'},'telemetry':{'qos':0}}", "telemetry.qos: must be 1 with power.mode \"battery\" (a report is kept only until the broker acknowledges it), got 0")]
    [DataRow("{'telemetry':{'qos':0},'power':{'mode':'battery'}}", "telemetry.qos: must be 1 with power.mode \"battery\" (a report is kept only until the broker acknowledges it), got 0")]
    public void RefusesWhatBatteryModeCannotRunWith(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }
}
