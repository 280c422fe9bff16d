using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>The I2C drivers inside the device on a scripted bus: the conversion wait, then the telemetry bytes they yield.</summary>
[TestClass]
public class DriverTelemetryTests
{
    const string Telemetry = DeviceFixture.Base + "/telemetry";

    [TestMethod]
    public void AnSht3xIsCollectedAfterItsConversionAndRounded()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Sht3xSensor.DefaultAddress);
        bus.ReadReply = Hex.Bytes("666693BEEF92"); // 25.0 °C, 74.58 %RH
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress) });
        Assert.AreEqual((long)Sht3xSensor.ConversionWaitMs, f.Tick(), "waits for the conversion");
        Assert.AreEqual(0, f.Link.Count, "nothing yet");
        f.Advance(Sht3xSensor.ConversionWaitMs);
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'sht31':{'temperature_c':25.0,'humidity_pct':74.6}},'errors':{'sht31':0}}"),
            MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void ABme280GivesTheDatasheetExampleInTelemetry()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Bme280Sensor.DefaultAddress);
        DatasheetExample.WriteBme280Registers(bus);
        bus.PutBme280Data(DatasheetExample.AdcP, DatasheetExample.AdcT, DatasheetExample.AdcH);
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { new Bme280Sensor("bme280", bus, Bme280Sensor.DefaultAddress) });
        Assert.AreEqual((long)Bme280Sensor.MeasurementWaitMs, f.Tick(), "waits for the measurement");
        f.Advance(Bme280Sensor.MeasurementWaitMs);
        // 25.08 °C, 51495 / 1024 = 50.29 %RH, 25767233 / 25600 = 1006.53 hPa.
        Expect.Only(f.Link, Telemetry,
            Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'bme280':{'temperature_c':25.1,'humidity_pct':50.3,'pressure_hpa':1006.5}},'errors':{'bme280':0}}"),
            MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void AnAbsentPartIsNullsWithoutWaiting()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Bme280Sensor.AlternateAddress); // the part answers elsewhere
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { new Bme280Sensor("bme280", bus, Bme280Sensor.DefaultAddress) });
        Assert.AreEqual(10000L, f.Tick(), "collected at once: next round due");
        Expect.Only(f.Link, Telemetry,
            Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'bme280':{'temperature_c':null,'humidity_pct':null,'pressure_hpa':null}},'errors':{'bme280':1}}"),
            MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void ACorruptedSht3xWordIsNullsAndCounted()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Sht3xSensor.DefaultAddress);
        bus.ReadReply = Hex.Bytes("666694BEEF92"); // temperature CRC off by one
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress) });
        f.Tick();
        f.Advance(Sht3xSensor.ConversionWaitMs);
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'sht31':{'temperature_c':null,'humidity_pct':null}},'errors':{'sht31':1}}"),
            MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void ABusErrorOnTheResultReadIsNulls()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Sht3xSensor.DefaultAddress);
        bus.ReadReply = Hex.Bytes("666693BEEF92");
        bus.Force(I2cResult.Ok, I2cResult.BusError);
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress) });
        f.Tick();
        f.Advance(Sht3xSensor.ConversionWaitMs);
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'sht31':{'temperature_c':null,'humidity_pct':null}},'errors':{'sht31':1}}"),
            MqttQos.AtLeastOnce, false);
    }
}
