using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>The shipped configurations are accepted on the device's runtime, in Debug and Release IL.</summary>
[TestClass]
public class SampleConfigTests
{
    static DeviceConfig Parse(string document)
    {
        byte[] json = Ascii.Bytes(document);
        return DeviceConfigParser.Parse(json, 0, json.Length);
    }

    [TestMethod]
    public void Esp32DevKitCSampleIsAccepted()
    {
        DeviceConfig config = Parse(SampleDocuments.Esp32DevKitC);
        Assert.AreEqual("esp32-devkitc", config.Board, "board");
        Assert.AreEqual(1, config.I2cBuses.Length, "i2c buses");
        Assert.AreEqual(3, config.Sensors.Length, "sensors");
        Assert.AreEqual(2, config.Actuators.Length, "actuators");
    }

    [TestMethod]
    public void SimulatedSampleIsAccepted()
    {
        DeviceConfig config = Parse(SampleDocuments.Simulated);
        Assert.AreEqual("sim-001", config.Id, "id");
        Assert.AreEqual(3, config.Sensors.Length, "sensors");
        Assert.AreEqual(2, config.Actuators.Length, "actuators");
    }

    [TestMethod]
    public void DistinctPinsAreAccepted()
    {
        // A fresh string[] element read back as not null on nanoCLR in Debug IL: every second pin was "already used".
        byte[] json = Ascii.Json("{'actuators':[{'kind':'relay','name':'a','pin':26},{'kind':'relay','name':'b','pin':27}]}");
        Assert.AreEqual(2, DeviceConfigParser.Parse(json, 0, json.Length).Actuators.Length);
    }

    [TestMethod]
    public void DistinctI2cAddressesAreAccepted()
    {
        byte[] json = Ascii.Json("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'a','bus':1,'address':'0x44'},{'kind':'bme280','name':'b','bus':1,'address':'0x76'}]}");
        Assert.AreEqual(2, DeviceConfigParser.Parse(json, 0, json.Length).Sensors.Length);
    }

    internal static string Refusal(byte[] json)
    {
        try
        {
            DeviceConfigParser.Parse(json, 0, json.Length);
        }
        catch (ConfigException e)
        {
            return e.Message;
        }
        return "(accepted)";
    }
}
