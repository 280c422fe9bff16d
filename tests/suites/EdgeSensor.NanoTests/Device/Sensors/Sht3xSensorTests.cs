using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>The SHT3x driver against exact bytes on a scripted bus: its command, the datasheet formulas, CRC checks and failures.</summary>
[TestClass]
public class Sht3xSensorTests
{
    // 0x6666 is 0.4 of full scale: -45 + 175 * 0.4 = 25.0 °C. Its CRC, 0x93, comes from the datasheet's CRC parameters.
    // Then the datasheet's CRC example word as humidity: 100 * 48879 / 65535 %RH.
    const string TwentyFiveDegreesAndBeefHumidity = "666693BEEF92";

    static ScriptedI2cBus Bus()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Sht3xSensor.DefaultAddress);
        bus.ReadReply = Hex.Bytes(TwentyFiveDegreesAndBeefHumidity);
        return bus;
    }

    static Sht3xSensor Sensor(ScriptedI2cBus bus)
    {
        return new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
    }

    static double[] Unwritten()
    {
        return new double[] { double.NaN, double.NaN, double.NaN };
    }

    [TestMethod]
    public void StartSendsTheSingleShotHighRepeatabilityCommandWithoutClockStretching()
    {
        ScriptedI2cBus bus = Bus();
        int wait = Sensor(bus).Start(0);
        Assert.AreEqual(1, bus.WriteCount, "one write");
        Assert.AreEqual("2400", Hex.Text(bus.Written(0)), "command 0x2400");
        // Datasheet: a high-repeatability measurement takes at most 15 ms.
        Assert.IsTrue(wait >= 15 && wait <= 20, "wait " + wait.ToString() + " in 15..20 ms");
    }

    [TestMethod]
    public void ConvertsRawWordsWithTheDatasheetFormulas()
    {
        ScriptedI2cBus bus = Bus();
        Sht3xSensor sensor = Sensor(bus);
        double[] values = Unwritten();
        sensor.Start(0);
        Assert.IsTrue(sensor.Collect(values, 1), "collected");
        Near.NineDecimals(25.0, values[1], "temperature");
        Near.NineDecimals(100.0 * 48879 / 65535, values[2], "humidity");
        Assert.IsTrue(double.IsNaN(values[0]), "Collect writes only at its offset.");
    }

    [TestMethod]
    [DataRow(0, -45)]
    [DataRow(0xFFFF, 130)]
    [DataRow(0x6666, 25)]
    public void TemperatureSpansMinus45To130Degrees(int raw, int expected)
    {
        Near.NineDecimals(expected, Sht3xSensor.TemperatureFromRaw(raw), "T(" + raw.ToString() + ")");
    }

    [TestMethod]
    [DataRow(0, 0)]
    [DataRow(0xFFFF, 100)]
    public void HumiditySpansZeroToHundredPercent(int raw, int expected)
    {
        Near.NineDecimals(expected, Sht3xSensor.HumidityFromRaw(raw), "RH(" + raw.ToString() + ")");
    }

    [TestMethod]
    public void HalfScaleHumidityIsJustAboveFiftyPercent()
    {
        Near.NineDecimals(100.0 * 32768 / 65535, Sht3xSensor.HumidityFromRaw(0x8000), "RH(0x8000)");
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(5)]
    [DataRow(0)]
    [DataRow(4)]
    public void AnyDamagedByteIsAFailedRead(int damagedIndex)
    {
        ScriptedI2cBus bus = Bus();
        Sht3xSensor sensor = Sensor(bus);
        double[] values = Unwritten();
        bus.ReadReply[damagedIndex] ^= 0x01;
        sensor.Start(0);
        Assert.IsFalse(sensor.Collect(values, 0), "failed read");
        Assert.IsTrue(double.IsNaN(values[0]) && double.IsNaN(values[1]), "A failed read leaves the values alone.");
    }

    [TestMethod]
    public void NoAcknowledgeOfTheCommandMeansItCouldNotStart()
    {
        ScriptedI2cBus bus = Bus();
        Sht3xSensor sensor = Sensor(bus);
        bus.Force(I2cResult.AddressNotAcknowledged);
        Assert.AreEqual(-1, sensor.Start(0), "could not start");
        Assert.IsFalse(sensor.Collect(Unwritten(), 0), "nothing to collect");
        Assert.AreEqual(1, bus.Transfers, "the bus was not read");
    }

    [TestMethod]
    [DataRow((int)I2cResult.AddressNotAcknowledged)]
    [DataRow((int)I2cResult.PartialTransfer)]
    [DataRow((int)I2cResult.BusError)]
    public void AFailedResultReadIsAFailedRead(int failure)
    {
        ScriptedI2cBus bus = Bus();
        Sht3xSensor sensor = Sensor(bus);
        double[] values = Unwritten();
        bus.Force(I2cResult.Ok, (I2cResult)failure);
        Assert.IsTrue(sensor.Start(0) > 0, "started");
        Assert.IsFalse(sensor.Collect(values, 0), "failed read");
        Assert.IsTrue(double.IsNaN(values[0]), "values untouched");
    }

    [TestMethod]
    public void CollectWithoutAStartedMeasurementDoesNotReadTheBus()
    {
        ScriptedI2cBus bus = Bus();
        Assert.IsFalse(Sensor(bus).Collect(Unwritten(), 0), "nothing started");
        Assert.AreEqual(0, bus.Transfers, "no transfer");
    }

    [TestMethod]
    public void AMeasurementIsCollectedOnceNeverAgain()
    {
        ScriptedI2cBus bus = Bus();
        Sht3xSensor sensor = Sensor(bus);
        double[] values = Unwritten();
        sensor.Start(0);
        Assert.IsTrue(sensor.Collect(values, 0), "first collect");
        Assert.IsFalse(sensor.Collect(values, 0), "second collect");
    }

    [TestMethod]
    public void ReadsTheAlternateAddressWhenTold()
    {
        ScriptedI2cBus alternate = new ScriptedI2cBus(Sht3xSensor.AlternateAddress);
        alternate.ReadReply = Hex.Bytes(TwentyFiveDegreesAndBeefHumidity);
        Sht3xSensor sensor = new Sht3xSensor("sht31", alternate, Sht3xSensor.AlternateAddress);
        sensor.Start(0);
        Assert.IsTrue(sensor.Collect(Unwritten(), 0), "collected at 0x45");
    }

    [TestMethod]
    public void ThePartAtTheOtherAddressIsNotThisOne()
    {
        ScriptedI2cBus alternate = new ScriptedI2cBus(Sht3xSensor.AlternateAddress);
        Assert.AreEqual(-1, Sensor(alternate).Start(0), "nothing answers at 0x44");
    }

    [TestMethod]
    [DataRow(0x40)]
    [DataRow(0x76)]
    public void RefusesAddressesAnSht3xCannotHave(int address)
    {
        ScriptedI2cBus bus = Bus();
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Sht3xSensor("sht31", bus, address));
    }

    [TestMethod]
    public void RefusesAMissingBus()
    {
        Assert.ThrowsException(typeof(ArgumentNullException), () => new Sht3xSensor("sht31", null, Sht3xSensor.DefaultAddress));
    }

    [TestMethod]
    public void ReportsTemperatureThenHumidity()
    {
        Sht3xSensor sensor = Sensor(Bus());
        Assert.AreEqual(2, sensor.Quantities.Length, "quantities");
        Assert.AreEqual("temperature_c", sensor.Quantities[0].Key, "first");
        Assert.AreEqual("humidity_pct", sensor.Quantities[1].Key, "second");
        Assert.AreEqual("sht31", sensor.Name, "name");
    }
}
