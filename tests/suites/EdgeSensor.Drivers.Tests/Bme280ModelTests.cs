using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.NanoTests.Sensors;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests;

public sealed class Bme280ModelTests
{
    readonly Bme280Model model = new();
    readonly byte[] buffer = new byte[32];

    [Fact]
    public void ItsFloatingPointCompensationMatchesTheDatasheetWorkedExample()
    {
        // The model inverts these formulas, so they are checked on their own against the datasheet (and not
        // against the driver's integer code).
        var reference = new Bme280ReferenceCompensation(Bme280CalibrationSet.DatasheetExample);

        double celsius = reference.Temperature(DatasheetExample.AdcT, out int tFine);
        double pascal = reference.Pressure(DatasheetExample.AdcP, tFine);

        Assert.Equal(DatasheetExample.TFine, tFine);
        Assert.Equal(25.08, celsius, 0.005);
        Assert.Equal(DatasheetExample.Pascal, pascal, 0.05);
    }

    [Fact]
    public void ItsFloatingPointHumidityAgreesWithTheHandComputedIntegerCase()
    {
        var reference = new Bme280ReferenceCompensation(Bme280CalibrationSet.DatasheetExample);

        double percent = reference.Humidity(DatasheetExample.AdcH, DatasheetExample.TFine);

        // Integer result 51495 / 1024 = 50.288 %RH; the floating-point formula gives 50.291 %RH.
        Assert.Equal(DatasheetExample.HumidityQ10 / 1024.0, percent, 0.01);
    }

    [Fact]
    public void HoldsChipIdAndTrimmingWhereTheDatasheetPutsThem()
    {
        var expected = new ScriptedI2cBus(0x76);
        DatasheetExample.WriteBme280Registers(expected);

        Assert.Equal(0x60, model.Register(0xD0));
        for (int register = 0x88; register <= 0x9F; register++) Assert.Equal(expected.Registers[register], model.Register(register));
        Assert.Equal(expected.Registers[0xA1], model.Register(0xA1));
        for (int register = 0xE1; register <= 0xE7; register++) Assert.Equal(expected.Registers[register], model.Register(register));
    }

    [Fact]
    public void DataRegistersHoldTheirResetValuesUntilAMeasurement()
    {
        ReadFrom(0xF7, 8);

        Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00 }, buffer[..8]);
    }

    [Fact]
    public void AForcedModeWriteMeasuresOnceAndGoesBackToSleep()
    {
        model.Write(new byte[] { 0xF2, 0x01, 0xF4, 0x25 });

        Assert.Equal(1, model.MeasurementCount);
        Assert.Equal(0x24, model.Register(0xF4));
        ReadFrom(0xF7, 8);
        Assert.NotEqual(0x80, buffer[0]);
        Assert.NotEqual(0x80, buffer[3]);
    }

    [Fact]
    public void AtOversamplingX1TemperatureAndPressureHaveSixteenSignificantBits()
    {
        model.Write(new byte[] { 0xF2, 0x01, 0xF4, 0x25 });

        ReadFrom(0xF7, 8);

        Assert.Equal(0, buffer[2]);
        Assert.Equal(0, buffer[5]);
    }

    [Fact]
    public void CtrlHumTakesEffectOnlyWithTheCtrlMeasWriteAfterIt()
    {
        model.Write(new byte[] { 0xF2, 0x01 });
        Assert.Equal(0, model.MeasurementCount);

        // Humidity oversampling left at 0 (skipped) for this measurement: humidity reads as 0x8000.
        model.Write(new byte[] { 0xF2, 0x00, 0xF4, 0x25 });
        ReadFrom(0xFD, 2);
        Assert.Equal(new byte[] { 0x80, 0x00 }, buffer[..2]);
    }

    [Fact]
    public void TheResetCommandRestoresPowerOnState()
    {
        model.Write(new byte[] { 0xF2, 0x01, 0xF4, 0x27 });

        model.Write(new byte[] { 0xE0, 0xB6 });

        Assert.Equal(0, model.Register(0xF2));
        Assert.Equal(0, model.Register(0xF4));
        Assert.Equal(0x80, model.Register(0xFA));
        Assert.Equal(0x60, model.Register(0xD0));
    }

    [Fact]
    public void IgnoresWritesToReadOnlyRegisters()
    {
        model.Write(new byte[] { 0xD0, 0x12, 0x88, 0x00 });

        Assert.Equal(0x60, model.Register(0xD0));
        Assert.Equal(27504 & 0xFF, model.Register(0x88));
    }

    void ReadFrom(int register, int count)
    {
        Assert.Equal(I2cResult.Ok, model.Write(new[] { (byte)register }));
        Assert.Equal(I2cResult.Ok, model.Read(buffer.AsSpan(0, count)));
    }
}
