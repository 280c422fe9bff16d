using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>The BME280 driver against the datasheet's worked example in a scripted register map: setup, forced measurements, failures.</summary>
[TestClass]
public class Bme280SensorTests
{
    /// <summary>A part holding the datasheet trimming and the worked example's raw values.</summary>
    static ScriptedI2cBus Bus()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Bme280Sensor.DefaultAddress);
        DatasheetExample.WriteBme280Registers(bus);
        bus.PutBme280Data(DatasheetExample.AdcP, DatasheetExample.AdcT, DatasheetExample.AdcH);
        return bus;
    }

    static Bme280Sensor Sensor(ScriptedI2cBus bus)
    {
        return new Bme280Sensor("bme280", bus, Bme280Sensor.DefaultAddress);
    }

    static double[] Unwritten()
    {
        return new double[] { double.NaN, double.NaN, double.NaN };
    }

    static void AssertWorkedValues(double[] values, int offset)
    {
        Near.NineDecimals(25.08, values[offset], "temperature");
        Near.NineDecimals(DatasheetExample.HumidityQ10 / 1024.0, values[offset + 1], "humidity");
        Near.Within(DatasheetExample.Pascal / 100.0, values[offset + 2], 0.0005, "pressure");
    }

    [TestMethod]
    public void GivesTheDatasheetWorkedValuesFromTheRawRegisters()
    {
        Bme280Sensor sensor = Sensor(Bus());
        double[] values = Unwritten();
        Assert.IsTrue(sensor.Start(0) > 0, "started");
        Assert.IsTrue(sensor.Collect(values, 0), "collected");
        AssertWorkedValues(values, 0);
    }

    [TestMethod]
    public void FirstStartChecksTheChipIdReadsTheTrimmingThenStartsAForcedMeasurement()
    {
        ScriptedI2cBus bus = Bus();
        int wait = Sensor(bus).Start(0);
        Assert.AreEqual(4, bus.WriteCount, "writes");
        Assert.AreEqual("D0", Hex.Text(bus.Written(0)), "chip id register");
        Assert.AreEqual("88", Hex.Text(bus.Written(1)), "first trimming block");
        Assert.AreEqual("E1", Hex.Text(bus.Written(2)), "humidity trimming block");
        // ctrl_hum = x1, then ctrl_meas = osrs_t x1, osrs_p x1, forced mode.
        Assert.AreEqual("F201F425", Hex.Text(bus.Written(3)), "ctrl_hum then ctrl_meas");
        // Datasheet section 9.1: at most 9.3 ms at x1/x1/x1.
        Assert.IsTrue(wait >= 10 && wait <= 15, "wait " + wait.ToString() + " in 10..15 ms");
    }

    [TestMethod]
    public void ReadsTheTrimmingOnceThenOnlyMeasures()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        sensor.Start(0);
        sensor.Collect(values, 0);
        int setupTransfers = bus.Transfers;
        sensor.Start(1000);
        Assert.IsTrue(sensor.Collect(values, 0), "second measurement");
        Assert.AreEqual(2, bus.Transfers - setupTransfers, "a control write and a data read");
        Assert.AreEqual("F7", Hex.Text(bus.LastWritten()), "data registers read from 0xF7");
    }

    [TestMethod]
    public void AnotherChipIdIsAFailedReadAndTheSetupIsTriedAgain()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        bus.Registers[0xD0] = 0x58; // a BMP280

        Assert.AreEqual(-1, sensor.Start(0), "not a BME280");
        Assert.IsFalse(sensor.Collect(values, 0), "nothing to collect");
        for (int i = 0; i < bus.WriteCount; i++) Assert.IsFalse(bus.Written(i)[0] == 0xF2, "no measurement started");

        bus.Registers[0xD0] = 0x60;
        Assert.IsTrue(sensor.Start(1000) > 0, "started");
        Assert.AreEqual(2, bus.PointerWrites(0xD0), "not calibrated after the wrong id: the setup ran again");
        Assert.IsTrue(sensor.Collect(values, 0), "collected");
        Near.NineDecimals(25.08, values[0], "temperature");
    }

    [TestMethod]
    public void NoAcknowledgeDuringTheTrimmingReadIsRetriedUntilItSucceeds()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        // Chip id answers, the first trimming block does not.
        bus.Force(I2cResult.Ok, I2cResult.AddressNotAcknowledged);

        Assert.AreEqual(-1, sensor.Start(0), "could not start");
        Assert.IsFalse(sensor.Collect(values, 0), "nothing to collect");
        Assert.IsTrue(double.IsNaN(values[0]), "values untouched");

        Assert.IsTrue(sensor.Start(1000) > 0, "started");
        Assert.IsTrue(sensor.Collect(values, 0), "collected");
        Near.NineDecimals(25.08, values[0], "temperature");
        Near.Within(DatasheetExample.Pascal / 100.0, values[2], 0.0005, "the whole trimming, dig_P9 last, was read");
    }

    [TestMethod]
    public void APartialTrimmingReadIsNotTrusted()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        // The humidity block arrives half: its zeroed or stale half must not become trimming.
        bus.Force(I2cResult.Ok, I2cResult.Ok, I2cResult.PartialTransfer);

        Assert.AreEqual(-1, sensor.Start(0), "could not start");

        // Not calibrated: the next start checks the chip id and reads the trimming again.
        Assert.IsTrue(sensor.Start(1000) > 0, "started");
        Assert.AreEqual(2, bus.PointerWrites(0xD0), "chip id read again");
        Assert.IsTrue(sensor.Collect(values, 0), "collected");
        Near.NineDecimals(DatasheetExample.HumidityQ10 / 1024.0, values[1], "humidity");
    }

    [TestMethod]
    public void APartialDataReadIsAFailedReadAndTheNextOneWorks()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        sensor.Start(0);
        sensor.Collect(values, 0);
        values = Unwritten();

        sensor.Start(1000);
        bus.Force(I2cResult.PartialTransfer);
        Assert.IsFalse(sensor.Collect(values, 0), "failed read");
        Assert.IsTrue(double.IsNaN(values[0]) && double.IsNaN(values[1]) && double.IsNaN(values[2]), "values untouched");

        sensor.Start(2000);
        Assert.IsTrue(sensor.Collect(values, 0), "the next one works");
    }

    [TestMethod]
    public void NoAcknowledgeOfTheDataReadMakesTheNextStartCheckThePartAgain()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        sensor.Start(0);
        sensor.Collect(values, 0);
        sensor.Start(1000);
        bus.Force(I2cResult.AddressNotAcknowledged);

        Assert.IsFalse(sensor.Collect(values, 0), "failed read");

        // A part that vanished may come back as another one: chip id and trimming are read again.
        bus.ClearWrites();
        Assert.IsTrue(sensor.Start(2000) > 0, "started");
        Assert.AreEqual("D0", Hex.Text(bus.Written(0)), "chip id first");
    }

    [TestMethod]
    public void AFailedControlWriteMeansItCouldNotStart()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        double[] values = Unwritten();
        sensor.Start(0);
        sensor.Collect(values, 0);
        bus.Force(I2cResult.BusError);

        Assert.AreEqual(-1, sensor.Start(1000), "could not start");
        Assert.IsFalse(sensor.Collect(values, 0), "nothing to collect");
    }

    [TestMethod]
    public void DataRegistersAtTheirResetValuesAreAFailedRead()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        // 0x80000 / 0x8000: nothing measured (the part reset, or skipped the quantity).
        bus.PutBme280Data(0x80000, 0x80000, 0x8000);
        sensor.Start(0);
        Assert.IsFalse(sensor.Collect(Unwritten(), 0), "failed read");
    }

    [TestMethod]
    public void ASkippedHumidityAloneIsAFailedRead()
    {
        ScriptedI2cBus bus = Bus();
        Bme280Sensor sensor = Sensor(bus);
        bus.PutBme280Data(DatasheetExample.AdcP, DatasheetExample.AdcT, 0x8000);
        sensor.Start(0);
        Assert.IsFalse(sensor.Collect(Unwritten(), 0), "failed read");
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
        Bme280Sensor sensor = Sensor(Bus());
        double[] values = Unwritten();
        sensor.Start(0);
        Assert.IsTrue(sensor.Collect(values, 0), "first collect");
        Assert.IsFalse(sensor.Collect(values, 0), "second collect");
    }

    [TestMethod]
    public void WritesItsThreeValuesAtTheOffsetInQuantityOrder()
    {
        Bme280Sensor sensor = Sensor(Bus());
        double[] wide = new double[] { -1, -1, -1, -1, -1 };
        sensor.Start(0);
        Assert.IsTrue(sensor.Collect(wide, 2), "collected");
        Assert.AreEqual(3, sensor.Quantities.Length, "quantities");
        Assert.AreEqual("temperature_c", sensor.Quantities[0].Key, "first");
        Assert.AreEqual("humidity_pct", sensor.Quantities[1].Key, "second");
        Assert.AreEqual("pressure_hpa", sensor.Quantities[2].Key, "third");
        Assert.AreEqual(-1.0, wide[1], "before the offset");
        AssertWorkedValues(wide, 2);
    }

    [TestMethod]
    public void ReadsTheAlternateAddressWhenTold()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(Bme280Sensor.AlternateAddress);
        DatasheetExample.WriteBme280Registers(bus);
        bus.PutBme280Data(DatasheetExample.AdcP, DatasheetExample.AdcT, DatasheetExample.AdcH);
        Bme280Sensor sensor = new Bme280Sensor("bme280", bus, Bme280Sensor.AlternateAddress);
        double[] values = Unwritten();
        sensor.Start(0);
        Assert.IsTrue(sensor.Collect(values, 0), "collected at 0x77");
        AssertWorkedValues(values, 0);
    }

    [TestMethod]
    [DataRow(0x44)]
    [DataRow(0x78)]
    public void RefusesAddressesABme280CannotHave(int address)
    {
        ScriptedI2cBus bus = Bus();
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Bme280Sensor("bme280", bus, address));
    }

    [TestMethod]
    public void RefusesAMissingBus()
    {
        Assert.ThrowsException(typeof(ArgumentNullException), () => new Bme280Sensor("bme280", null, Bme280Sensor.DefaultAddress));
    }
}
