using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests;

public sealed class SimulatedI2cBusTests
{
    const int ShtAddress = 0x44;
    const int BmeAddress = 0x76;

    static readonly byte[] MeasureCommand = { 0x24, 0x00 };

    readonly SimulatedI2cBus bus = new();
    readonly Sht3xModel sht = new();
    readonly Bme280Model bme = new();
    readonly byte[] buffer = new byte[8];

    public SimulatedI2cBusTests()
    {
        bus.Attach(ShtAddress, sht);
        bus.Attach(BmeAddress, bme);
    }

    [Fact]
    public void NobodyAnswersAnEmptyAddress()
    {
        Assert.Equal(I2cResult.AddressNotAcknowledged, bus.Write(0x45, MeasureCommand, 2));
    }

    [Fact]
    public void AnAddressTakesOneDevice()
    {
        Assert.Throws<InvalidOperationException>(() => bus.Attach(ShtAddress, new Sht3xModel()));
    }

    [Fact]
    public void NackFaultFailsTheNextTransfersWithoutReachingTheDeviceThenClears()
    {
        bus.InjectFault(ShtAddress, SimulatedI2cFault.Nack, 2);

        Assert.Equal(I2cResult.AddressNotAcknowledged, bus.Write(ShtAddress, MeasureCommand, 2));
        Assert.Equal(I2cResult.AddressNotAcknowledged, bus.Write(ShtAddress, MeasureCommand, 2));
        Assert.Equal(0, sht.MeasurementCount);

        Assert.Equal(I2cResult.Ok, bus.Write(ShtAddress, MeasureCommand, 2));
        Assert.Equal(1, sht.MeasurementCount);
        Assert.Equal(SimulatedI2cFault.None, bus.ActiveFault(ShtAddress));
    }

    [Fact]
    public void AFaultUntilClearedLastsUntilCleared()
    {
        bus.InjectFault(ShtAddress, SimulatedI2cFault.Nack);

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(I2cResult.AddressNotAcknowledged, bus.Write(ShtAddress, MeasureCommand, 2));
        }

        bus.ClearFault(ShtAddress);
        Assert.Equal(I2cResult.Ok, bus.Write(ShtAddress, MeasureCommand, 2));
    }

    [Fact]
    public void FaultsStayWithTheirDevice()
    {
        bus.InjectFault(ShtAddress, SimulatedI2cFault.Nack);
        byte[] pointer = { 0xD0 };

        Assert.Equal(I2cResult.Ok, bus.WriteRead(BmeAddress, pointer, 1, buffer, 1));
        Assert.Equal(0x60, buffer[0]);
    }

    [Fact]
    public void PartialReadReturnsOnlyTheFirstHalf()
    {
        bus.Write(ShtAddress, MeasureCommand, 2);
        Array.Fill(buffer, (byte)0xAA);
        bus.InjectFault(ShtAddress, SimulatedI2cFault.PartialTransfer, 1);

        Assert.Equal(I2cResult.PartialTransfer, bus.Read(ShtAddress, buffer, 6));

        Assert.Equal(new byte[] { 0, 0, 0 }, buffer[3..6]);
        Assert.Equal(0xAA, buffer[6]);
    }

    [Fact]
    public void PartialWriteDeliversOnlyTheFirstHalf()
    {
        bus.InjectFault(BmeAddress, SimulatedI2cFault.PartialTransfer, 1);
        byte[] forced = { 0xF2, 0x01, 0xF4, 0x25 };

        Assert.Equal(I2cResult.PartialTransfer, bus.Write(BmeAddress, forced, 4));

        // ctrl_hum arrived, ctrl_meas did not: no measurement.
        Assert.Equal(0x01, bme.Register(0xF2));
        Assert.Equal(0, bme.MeasurementCount);
    }

    [Fact]
    public void CorruptCrcCountsOnlyTheMeasurementReadsItDamages()
    {
        bus.InjectFault(ShtAddress, SimulatedI2cFault.CorruptCrc, 1);

        // The command write passes untouched and does not use up the fault.
        Assert.Equal(I2cResult.Ok, bus.Write(ShtAddress, MeasureCommand, 2));
        Assert.Equal(I2cResult.Ok, bus.Read(ShtAddress, buffer, 6));
        Assert.NotEqual(Crc8.Compute(buffer, 0, 2), buffer[2]);
        Assert.Equal(Crc8.Compute(buffer, 3, 2), buffer[5]);

        bus.Write(ShtAddress, MeasureCommand, 2);
        bus.Read(ShtAddress, buffer, 6);
        Assert.Equal(Crc8.Compute(buffer, 0, 2), buffer[2]);
    }

    [Fact]
    public void WrongChipIdCountsOnlyReadsOfTheChipId()
    {
        bus.InjectFault(BmeAddress, SimulatedI2cFault.WrongChipId, 1);
        byte[] calibrationPointer = { 0x88 };
        byte[] chipIdPointer = { 0xD0 };

        bus.WriteRead(BmeAddress, calibrationPointer, 1, buffer, 2);
        Assert.Equal(27504 & 0xFF, buffer[0]);

        bus.WriteRead(BmeAddress, chipIdPointer, 1, buffer, 1);
        Assert.Equal(Bme280Model.WrongChipIdValue, buffer[0]);

        bus.WriteRead(BmeAddress, chipIdPointer, 1, buffer, 1);
        Assert.Equal(Bme280Model.ChipIdValue, buffer[0]);
    }

    [Fact]
    public void CountsEveryTransferToADevice()
    {
        bus.InjectFault(ShtAddress, SimulatedI2cFault.Nack, 1);

        bus.Write(ShtAddress, MeasureCommand, 2);
        bus.Write(ShtAddress, MeasureCommand, 2);
        bus.Read(ShtAddress, buffer, 6);

        Assert.Equal(3, bus.TransferCount(ShtAddress));
        Assert.Equal(0, bus.TransferCount(BmeAddress));
    }

    [Fact]
    public void RefusesAZeroFaultCount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => bus.InjectFault(ShtAddress, SimulatedI2cFault.Nack, 0));
    }
}
