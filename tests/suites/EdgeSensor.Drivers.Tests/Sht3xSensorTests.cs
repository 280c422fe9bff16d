using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests
{
    public sealed class Sht3xSensorTests
    {
        // 0x6666 is 0.4 of full scale: -45 + 175 * 0.4 = 25.0 °C. Its CRC, 0x93, comes from the datasheet's CRC parameters.
        private static readonly byte[] TwentyFiveDegrees = { 0x66, 0x66, 0x93 };

        // The datasheet's CRC example word: 100 * 48879 / 65535 %RH.
        private static readonly byte[] BeefHumidity = { 0xBE, 0xEF, 0x92 };

        private readonly ScriptedI2cBus bus = new(Sht3xSensor.DefaultAddress);
        private readonly double[] values = { double.NaN, double.NaN, double.NaN };

        [Fact]
        public void StartSendsTheSingleShotHighRepeatabilityCommandWithoutClockStretching()
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);

            int wait = sensor.Start(0);

            byte[] written = Assert.Single(bus.Writes);
            Assert.Equal(new byte[] { 0x24, 0x00 }, written);

            // Datasheet: a high-repeatability measurement takes at most 15 ms.
            Assert.InRange(wait, 15, 20);
        }

        [Fact]
        public void ConvertsRawWordsWithTheDatasheetFormulas()
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
            bus.ReadReply = Frame(TwentyFiveDegrees, BeefHumidity);

            sensor.Start(0);
            Assert.True(sensor.Collect(values, 1));

            Assert.Equal(25.0, values[1], 9);
            Assert.Equal(100.0 * 48879 / 65535, values[2], 9);
            Assert.True(double.IsNaN(values[0]), "Collect writes only at its offset.");
        }

        [Theory]
        [InlineData(0, -45.0)]
        [InlineData(0xFFFF, 130.0)]
        [InlineData(0x6666, 25.0)]
        public void TemperatureSpansMinus45To130Degrees(int raw, double expected)
        {
            Assert.Equal(expected, Sht3xSensor.TemperatureFromRaw(raw), 9);
        }

        [Theory]
        [InlineData(0, 0.0)]
        [InlineData(0xFFFF, 100.0)]
        [InlineData(0x8000, 100.0 * 32768 / 65535)]
        public void HumiditySpansZeroToHundredPercent(int raw, double expected)
        {
            Assert.Equal(expected, Sht3xSensor.HumidityFromRaw(raw), 9);
        }

        [Theory]
        [InlineData(2)]
        [InlineData(5)]
        [InlineData(0)]
        [InlineData(4)]
        public void AnyDamagedByteIsAFailedRead(int damagedIndex)
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
            byte[] frame = Frame(TwentyFiveDegrees, BeefHumidity);
            frame[damagedIndex] ^= 0x01;
            bus.ReadReply = frame;

            sensor.Start(0);

            Assert.False(sensor.Collect(values, 0));
            Assert.True(double.IsNaN(values[0]) && double.IsNaN(values[1]), "A failed read leaves the values alone.");
        }

        [Fact]
        public void NoAcknowledgeOfTheCommandMeansItCouldNotStart()
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
            bus.ReadReply = Frame(TwentyFiveDegrees, BeefHumidity);
            bus.Force(I2cResult.AddressNotAcknowledged);

            Assert.Equal(-1, sensor.Start(0));
            Assert.False(sensor.Collect(values, 0));
            Assert.Equal(1, bus.Transfers);
        }

        [Theory]
        [InlineData(I2cResult.AddressNotAcknowledged)]
        [InlineData(I2cResult.PartialTransfer)]
        [InlineData(I2cResult.BusError)]
        public void AFailedResultReadIsAFailedRead(I2cResult failure)
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
            bus.ReadReply = Frame(TwentyFiveDegrees, BeefHumidity);
            bus.Force(I2cResult.Ok, failure);

            Assert.True(sensor.Start(0) > 0);
            Assert.False(sensor.Collect(values, 0));
            Assert.True(double.IsNaN(values[0]));
        }

        [Fact]
        public void CollectWithoutAStartedMeasurementDoesNotReadTheBus()
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
            bus.ReadReply = Frame(TwentyFiveDegrees, BeefHumidity);

            Assert.False(sensor.Collect(values, 0));
            Assert.Equal(0, bus.Transfers);
        }

        [Fact]
        public void AMeasurementIsCollectedOnceNeverAgain()
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);
            bus.ReadReply = Frame(TwentyFiveDegrees, BeefHumidity);

            sensor.Start(0);
            Assert.True(sensor.Collect(values, 0));

            Assert.False(sensor.Collect(values, 0));
        }

        [Fact]
        public void AReadBeforeAnyMeasurementCommandIsRefusedByThePart()
        {
            // The datasheet: with no measurement data present, the sensor does not acknowledge the read header.
            var model = new Sht3xModel();
            var simulated = new SimulatedI2cBus();
            simulated.Attach(Sht3xSensor.DefaultAddress, model);
            byte[] buffer = new byte[6];

            Assert.Equal(I2cResult.AddressNotAcknowledged, simulated.Read(Sht3xSensor.DefaultAddress, buffer, 6));

            // And the driver, asked to collect a measurement it did not start, fails without asking.
            var sensor = new Sht3xSensor("sht31", simulated, Sht3xSensor.DefaultAddress);
            Assert.False(sensor.Collect(values, 0));
            Assert.Equal(1, simulated.TransferCount(Sht3xSensor.DefaultAddress));
        }

        [Fact]
        public void ReadsTheAlternateAddressWhenTold()
        {
            var alternate = new ScriptedI2cBus(Sht3xSensor.AlternateAddress) { ReadReply = Frame(TwentyFiveDegrees, BeefHumidity) };
            var sensor = new Sht3xSensor("sht31", alternate, Sht3xSensor.AlternateAddress);

            sensor.Start(0);

            Assert.True(sensor.Collect(values, 0));
        }

        [Theory]
        [InlineData(0x40)]
        [InlineData(0x76)]
        public void RefusesAddressesAnSht3xCannotHave(int address)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sht3xSensor("sht31", bus, address));
        }

        [Fact]
        public void ReportsTemperatureThenHumidity()
        {
            var sensor = new Sht3xSensor("sht31", bus, Sht3xSensor.DefaultAddress);

            Assert.Equal(new[] { "temperature_c", "humidity_pct" }, Array.ConvertAll(sensor.Quantities, q => q.Key));
            Assert.Equal("sht31", sensor.Name);
        }

        private static byte[] Frame(byte[] temperature, byte[] humidity)
        {
            return new[] { temperature[0], temperature[1], temperature[2], humidity[0], humidity[1], humidity[2] };
        }
    }
}
