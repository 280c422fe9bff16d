using System;
using System.Collections.Generic;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.SimulatedBoard;
using Xunit;
using Board = EdgeSensor.SimulatedBoard.SimulatedBoard;

namespace EdgeSensor.Drivers.Tests;

public sealed class SimulatedBoardTests
{
    // Half a raw step of the SHT3x (175 °C or 100 %RH over 65535), plus rounding slack.
    const double Sht3xTemperatureTolerance = 0.0015;
    const double Sht3xHumidityTolerance = 0.0008;

    // The driver reports 0.01 °C, 1/256 Pa and 1/1024 %RH; the model's raw values step by 16 LSB at x1 (0.005 °C,
    // about 2.7 Pa) and by 1 LSB for humidity (about 0.006 %RH); and the driver's integer formulas differ from the
    // model's floating-point ones by up to about 0.005 %RH. Over 3000 random cases the largest differences seen
    // were 0.0075 °C, 0.0148 hPa and 0.0103 %RH.
    const double Bme280TemperatureTolerance = 0.01;
    const double Bme280PressureToleranceHpa = 0.02;
    const double Bme280HumidityTolerance = 0.02;

    readonly Board board = new(BoardConfigs.Bench(), seed: 42);
    readonly double[] values = new double[3];
    long now;

    public static IEnumerable<object[]> Sht3xCases => new[]
    {
        new object[] { -40.0, 0.0 },
        new object[] { -10.5, 12.3 },
        new object[] { 21.5, 45.0 },
        new object[] { 85.0, 99.9 },
        new object[] { 125.0, 100.0 },
    };

    public static IEnumerable<object[]> Bme280Cases()
    {
        foreach (double celsius in new[] { -30.0, -5.25, 0.0, 21.5, 40.0, 65.0 })
        {
            foreach (double hpa in new[] { 850.0, 1013.25, 1085.0 })
            {
                foreach (double percent in new[] { 5.0, 45.0, 95.0 })
                {
                    yield return new object[] { celsius, hpa, percent };
                }
            }
        }
    }

    [Fact]
    public void BuildsADriverPerConfiguredSensorInConfigurationOrder()
    {
        ISensor[] sensors = board.Sensors;

        Assert.Equal(new[] { "dht22", "sht31", "bme280" }, Array.ConvertAll(sensors, s => s.Name));
        Assert.IsType<DhtSensor>(sensors[0]);
        Assert.IsType<Sht3xSensor>(sensors[1]);
        Assert.IsType<Bme280Sensor>(sensors[2]);
        Assert.Same(sensors[1], board.Sensor("sht31"));
    }

    [Fact]
    public void PutsTheI2cModelsOnTheConfiguredBusAndAddresses()
    {
        SimulatedI2cBus bus = board.I2cBus(1);

        Assert.Same(board.Sht3x("sht31"), bus.DeviceAt(0x44));
        Assert.Same(board.Bme280("bme280"), bus.DeviceAt(0x76));
    }

    [Fact]
    public void GivesDefaultAddressesWhenTheConfigurationLeavesThemOut()
    {
        DeviceConfig config = BoardConfigs.Bench();
        config.Sensors[1].Address = 0;
        config.Sensors[2].Address = 0;

        var defaults = new Board(config);

        Assert.Same(defaults.Sht3x("sht31"), defaults.I2cBus(1).DeviceAt(Sht3xSensor.DefaultAddress));
        Assert.Same(defaults.Bme280("bme280"), defaults.I2cBus(1).DeviceAt(Bme280Sensor.DefaultAddress));
    }

    [Fact]
    public void NamesTheWrongKindOrAnUnknownNameLoudly()
    {
        Assert.Throws<InvalidOperationException>(() => board.Dht("sht31"));
        Assert.Throws<KeyNotFoundException>(() => board.Sht3x("nope"));
        Assert.Throws<KeyNotFoundException>(() => board.Relay("fan"));
    }

    [Theory]
    [MemberData(nameof(Sht3xCases))]
    public void Sht3xModelValuesComeBackThroughTheDriver(double celsius, double percent)
    {
        Sht3xModel model = board.Sht3x("sht31");
        model.TemperatureC = celsius;
        model.HumidityPercent = percent;

        Assert.True(Read(board.Sensor("sht31")));

        Assert.Equal(celsius, values[0], Sht3xTemperatureTolerance);
        Assert.Equal(percent, values[1], Sht3xHumidityTolerance);
    }

    [Theory]
    [MemberData(nameof(Bme280Cases))]
    public void Bme280ModelValuesComeBackThroughTheDriver(double celsius, double hpa, double percent)
    {
        Bme280Model model = board.Bme280("bme280");
        model.TemperatureC = celsius;
        model.PressureHpa = hpa;
        model.HumidityPercent = percent;

        Assert.True(Read(board.Sensor("bme280")));

        Assert.Equal(celsius, values[0], Bme280TemperatureTolerance);
        Assert.Equal(percent, values[1], Bme280HumidityTolerance);
        Assert.Equal(hpa, values[2], Bme280PressureToleranceHpa);
    }

    [Fact]
    public void DhtValuesComeBackThroughTheDriver()
    {
        board.Dht("dht22").SetValues(18.25, 61.5);

        Assert.True(Read(board.Sensor("dht22")));

        Assert.Equal(18.25, values[0]);
        Assert.Equal(61.5, values[1]);
    }

    [Fact]
    public void NackFaultFailsReadingsUntilItIsUsedUp()
    {
        ISensor sht = board.Sensor("sht31");
        board.InjectI2cFault("sht31", SimulatedI2cFault.Nack, 1);

        Assert.Equal(-1, sht.Start(now));
        Assert.True(Read(sht));
    }

    [Fact]
    public void CorruptCrcFaultFailsTheSht3xReading()
    {
        ISensor sht = board.Sensor("sht31");
        board.InjectI2cFault("sht31", SimulatedI2cFault.CorruptCrc, 1);

        Assert.False(Read(sht));
        Assert.True(Read(sht));
    }

    [Fact]
    public void PartialTransferFaultFailsTheBme280Reading()
    {
        ISensor bme = board.Sensor("bme280");
        Assert.True(Read(bme));

        // The control write arrives half: no measurement is started.
        board.InjectI2cFault("bme280", SimulatedI2cFault.PartialTransfer, 1);
        Assert.Equal(-1, bme.Start(now));

        // The data read arrives half.
        Assert.True(bme.Start(now) > 0);
        board.InjectI2cFault("bme280", SimulatedI2cFault.PartialTransfer, 1);
        Assert.False(bme.Collect(values, 0));

        Assert.True(Read(bme));
    }

    [Fact]
    public void WrongChipIdFailsEveryBme280ReadingUntilCleared()
    {
        var bme = (Bme280Sensor)board.Sensor("bme280");
        board.InjectI2cFault("bme280", SimulatedI2cFault.WrongChipId);

        for (int i = 0; i < 3; i++) Assert.False(Read(bme));

        board.ClearI2cFault("bme280");
        Assert.True(Read(bme));
    }

    [Fact]
    public void AFailingDhtFailsItsReadingsThenRecovers()
    {
        SimulatedDht dht = board.Dht("dht22");
        ISensor sensor = board.Sensor("dht22");
        dht.FailNext(2);

        Assert.False(Read(sensor));
        Assert.False(Read(sensor));
        Assert.True(Read(sensor));
        Assert.Equal(3, dht.ReadCount);
    }

    [Fact]
    public void TheSameSeedAndTickGiveTheSameValues()
    {
        var other = new Board(BoardConfigs.Bench(), seed: 42);

        board.ApplyDrift(1234);
        other.ApplyDrift(1234);

        Assert.Equal(board.Bme280("bme280").PressureHpa, other.Bme280("bme280").PressureHpa);
        Assert.Equal(board.Sht3x("sht31").TemperatureC, other.Sht3x("sht31").TemperatureC);
        Assert.Equal(board.Dht("dht22").HumidityPercent, other.Dht("dht22").HumidityPercent);
    }

    [Fact]
    public void AnotherSeedGivesOtherValues()
    {
        var other = new Board(BoardConfigs.Bench(), seed: 43);

        Assert.NotEqual(board.Sht3x("sht31").TemperatureC, other.Sht3x("sht31").TemperatureC);
    }

    [Fact]
    public void DriftMovesTheValuesOverTicksWithinItsBounds()
    {
        Sht3xModel sht = board.Sht3x("sht31");
        Bme280Model bme = board.Bme280("bme280");
        double first = sht.TemperatureC;
        double lowest = double.MaxValue;
        double highest = double.MinValue;

        for (int tick = 0; tick < ClimateDrift.PressurePeriodTicks; tick++)
        {
            board.AdvanceDrift();
            lowest = Math.Min(lowest, sht.TemperatureC);
            highest = Math.Max(highest, sht.TemperatureC);
            Assert.InRange(bme.PressureHpa, ClimateDrift.BasePressureHpa - 5.0, ClimateDrift.BasePressureHpa + 5.0);
            Assert.InRange(bme.HumidityPercent, 0.0, 100.0);
        }

        Assert.Equal(ClimateDrift.PressurePeriodTicks, board.Tick);
        Assert.True(highest - lowest > 3.0, $"Temperature only ranged {lowest}..{highest}.");
        Assert.InRange(lowest, ClimateDrift.BaseTemperatureC - 3.0, first);
        Assert.InRange(highest, first, ClimateDrift.BaseTemperatureC + 3.0);
    }

    [Fact]
    public void DriftedValuesReachTelemetryThroughTheDrivers()
    {
        ISensor bme = board.Sensor("bme280");
        Assert.True(Read(bme));
        double before = values[0];

        board.AdvanceDrift(ClimateDrift.TemperaturePeriodTicks / 4);

        Assert.True(Read(bme));
        Assert.NotEqual(before, values[0]);
        Assert.Equal(board.Bme280("bme280").TemperatureC, values[0], Bme280TemperatureTolerance);
    }

    [Fact]
    public void ExposesActuatorOutputsByNameAndByPin()
    {
        Assert.Same(board.Relay("relay1"), board.DigitalOutputAt(26));
        Assert.Same(board.Pwm("fan"), board.PwmOutputAt(25));
        Assert.Equal(25000, board.Pwm("fan").FrequencyHz);
    }

    [Fact]
    public void RefusesTwoActuatorsOnOnePin()
    {
        DeviceConfig config = BoardConfigs.Bench();
        config.Actuators[1].Pin = config.Actuators[0].Pin;

        Assert.Throws<ArgumentException>(() => new Board(config));
    }

    [Fact]
    public void RefusesTwoSensorsWithOneName()
    {
        DeviceConfig config = BoardConfigs.Bench();
        config.Sensors[2].Name = "sht31";

        Assert.Throws<ArgumentException>(() => new Board(config));
    }

    /// <summary>One reading as the device loop does it: Start, wait the time it asks (simulated), Collect.</summary>
    bool Read(ISensor sensor)
    {
        Array.Fill(values, double.NaN);
        now += 5000;
        int wait = sensor.Start(now);
        if (wait < 0) return false;
        now += wait;
        return sensor.Collect(values, 0);
    }
}
