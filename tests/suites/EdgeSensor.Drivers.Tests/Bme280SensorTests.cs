using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using Xunit;

namespace EdgeSensor.Drivers.Tests
{
    public sealed class Bme280SensorTests
    {
        private readonly ScriptedI2cBus bus = new(Bme280Sensor.DefaultAddress);
        private readonly double[] values = { double.NaN, double.NaN, double.NaN };
        private readonly Bme280Sensor sensor;

        public Bme280SensorTests()
        {
            DatasheetExample.WriteBme280Registers(bus);
            bus.PutBme280Data(DatasheetExample.AdcP, DatasheetExample.AdcT, DatasheetExample.AdcH);
            sensor = new Bme280Sensor("bme280", bus, Bme280Sensor.DefaultAddress);
        }

        [Fact]
        public void GivesTheDatasheetWorkedValuesFromTheRawRegisters()
        {
            Assert.True(sensor.Start(0) > 0);
            Assert.True(sensor.Collect(values, 0));

            Assert.Equal(25.08, values[0], 9);
            Assert.Equal(DatasheetExample.HumidityQ10 / 1024.0, values[1], 9);
            Assert.Equal(DatasheetExample.Pascal / 100.0, values[2], 0.0005);
        }

        [Fact]
        public void FirstStartChecksTheChipIdReadsTheTrimmingThenStartsAForcedMeasurement()
        {
            int wait = sensor.Start(0);

            Assert.Equal(4, bus.Writes.Count);
            Assert.Equal(new byte[] { 0xD0 }, bus.Writes[0]);
            Assert.Equal(new byte[] { 0x88 }, bus.Writes[1]);
            Assert.Equal(new byte[] { 0xE1 }, bus.Writes[2]);

            // ctrl_hum = x1, then ctrl_meas = osrs_t x1, osrs_p x1, forced mode.
            Assert.Equal(new byte[] { 0xF2, 0x01, 0xF4, 0x25 }, bus.Writes[3]);

            // Datasheet section 9.1: at most 9.3 ms at x1/x1/x1.
            Assert.InRange(wait, 10, 15);
        }

        [Fact]
        public void ReadsTheTrimmingOnceThenOnlyMeasures()
        {
            sensor.Start(0);
            sensor.Collect(values, 0);
            int setupTransfers = bus.Transfers;

            sensor.Start(1000);
            Assert.True(sensor.Collect(values, 0));

            Assert.Equal(2, bus.Transfers - setupTransfers);
            Assert.Equal(new byte[] { 0xF7 }, bus.Writes[^1]);
        }

        [Fact]
        public void AnotherChipIdIsAFailedReadAndTheSetupIsTriedAgain()
        {
            bus.Registers[0xD0] = 0x58; // a BMP280

            Assert.Equal(-1, sensor.Start(0));
            Assert.False(sensor.Collect(values, 0));
            Assert.DoesNotContain(bus.Writes, write => write[0] == 0xF2);

            bus.Registers[0xD0] = 0x60;
            Assert.True(sensor.Start(1000) > 0);
            Assert.Equal(2, ChipIdReads()); // not calibrated after the wrong id: the setup ran again
            Assert.True(sensor.Collect(values, 0));
            Assert.Equal(25.08, values[0], 9);
        }

        [Fact]
        public void NoAcknowledgeDuringTheTrimmingReadIsRetriedUntilItSucceeds()
        {
            // Chip id answers, the first trimming block does not.
            bus.Force(I2cResult.Ok, I2cResult.AddressNotAcknowledged);

            Assert.Equal(-1, sensor.Start(0));
            Assert.False(sensor.Collect(values, 0));
            Assert.True(double.IsNaN(values[0]));

            Assert.True(sensor.Start(1000) > 0);
            Assert.True(sensor.Collect(values, 0));
            Assert.Equal(25.08, values[0], 9);
            Assert.Equal(DatasheetExample.Pascal / 100.0, values[2], 0.0005); // the whole trimming, dig_P9 last, was read
        }

        [Fact]
        public void APartialTrimmingReadIsNotTrusted()
        {
            // The humidity block arrives half: its zeroed or stale half must not become trimming.
            bus.Force(I2cResult.Ok, I2cResult.Ok, I2cResult.PartialTransfer);

            Assert.Equal(-1, sensor.Start(0));

            // Not calibrated: the next start checks the chip id and reads the trimming again.
            Assert.True(sensor.Start(1000) > 0);
            Assert.Equal(2, ChipIdReads());
            Assert.True(sensor.Collect(values, 0));
            Assert.Equal(DatasheetExample.HumidityQ10 / 1024.0, values[1], 9);
        }

        private int ChipIdReads()
        {
            return bus.Writes.FindAll(write => write.Length == 1 && write[0] == 0xD0).Count;
        }

        [Fact]
        public void APartialDataReadIsAFailedReadAndTheNextOneWorks()
        {
            sensor.Start(0);
            sensor.Collect(values, 0);
            Array.Fill(values, double.NaN);

            sensor.Start(1000);
            bus.Force(I2cResult.PartialTransfer);
            Assert.False(sensor.Collect(values, 0));
            Assert.True(double.IsNaN(values[0]) && double.IsNaN(values[1]) && double.IsNaN(values[2]));

            sensor.Start(2000);
            Assert.True(sensor.Collect(values, 0));
        }

        [Fact]
        public void NoAcknowledgeOfTheDataReadMakesTheNextStartCheckThePartAgain()
        {
            sensor.Start(0);
            sensor.Collect(values, 0);
            sensor.Start(1000);
            bus.Force(I2cResult.AddressNotAcknowledged);

            Assert.False(sensor.Collect(values, 0));

            // A part that vanished may come back as another one: chip id and trimming are read again.
            bus.Writes.Clear();
            Assert.True(sensor.Start(2000) > 0);
            Assert.Equal(new byte[] { 0xD0 }, bus.Writes[0]);
        }

        [Fact]
        public void AFailedControlWriteMeansItCouldNotStart()
        {
            sensor.Start(0);
            sensor.Collect(values, 0);
            bus.Force(I2cResult.BusError);

            Assert.Equal(-1, sensor.Start(1000));
            Assert.False(sensor.Collect(values, 0));
        }

        [Fact]
        public void DataRegistersAtTheirResetValuesAreAFailedRead()
        {
            // 0x80000 / 0x8000: nothing measured (the part reset, or skipped the quantity).
            bus.PutBme280Data(0x80000, 0x80000, 0x8000);

            sensor.Start(0);

            Assert.False(sensor.Collect(values, 0));
        }

        [Fact]
        public void ASkippedHumidityAloneIsAFailedRead()
        {
            bus.PutBme280Data(DatasheetExample.AdcP, DatasheetExample.AdcT, 0x8000);

            sensor.Start(0);

            Assert.False(sensor.Collect(values, 0));
        }

        [Fact]
        public void CollectWithoutAStartedMeasurementDoesNotReadTheBus()
        {
            Assert.False(sensor.Collect(values, 0));
            Assert.Equal(0, bus.Transfers);
        }

        [Fact]
        public void AMeasurementIsCollectedOnceNeverAgain()
        {
            sensor.Start(0);
            Assert.True(sensor.Collect(values, 0));

            Assert.False(sensor.Collect(values, 0));
        }

        [Fact]
        public void WritesItsThreeValuesAtTheOffsetInQuantityOrder()
        {
            double[] wide = { -1, -1, -1, -1, -1 };

            sensor.Start(0);
            Assert.True(sensor.Collect(wide, 2));

            Assert.Equal(new[] { "temperature_c", "humidity_pct", "pressure_hpa" }, Array.ConvertAll(sensor.Quantities, q => q.Key));
            Assert.Equal(-1, wide[1]);
            Assert.Equal(25.08, wide[2], 9);
            Assert.Equal(DatasheetExample.HumidityQ10 / 1024.0, wide[3], 9);
            Assert.Equal(DatasheetExample.Pascal / 100.0, wide[4], 0.0005);
        }

        [Theory]
        [InlineData(0x44)]
        [InlineData(0x78)]
        public void RefusesAddressesABme280CannotHave(int address)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new Bme280Sensor("bme280", bus, address));
        }
    }
}
