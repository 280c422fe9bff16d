using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using EdgeSensor.SimulatedBoard;
using Xunit;
using Board = EdgeSensor.SimulatedBoard.SimulatedBoard;

namespace EdgeSensor.Drivers.Tests;

/// <summary>
/// Steady-state readings allocate nothing: the drivers keep their buffers from construction, and the simulated
/// bus and models allocate nothing per transfer (so any allocation measured here is the driver's).
/// </summary>
[Collection(EdgeSensor.Drivers.Tests.AllocationCollection.Name)]
public sealed class DriverAllocationTests
{
    const int WarmUpCycles = 200;
    const int MeasuredCycles = 1000;

    [Theory]
    [InlineData("sht31")]
    [InlineData("bme280")]
    [InlineData("dht22")]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void ReadingsOverTheSimulatedBoardAllocateNothing(string name)
    {
        var board = new Board(BoardConfigs.Bench());
        ISensor sensor = board.Sensor(name);
        double[] values = new double[3];
        long now = 0;

        // Warm-up: JIT compilation, and the BME280's one-time chip-id and trimming read.
        Assert.Equal(WarmUpCycles, Cycles(sensor, values, ref now, WarmUpCycles));

        long before = GC.GetAllocatedBytesForCurrentThread();
        int succeeded = Cycles(sensor, values, ref now, MeasuredCycles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(MeasuredCycles, succeeded);
        Assert.Equal(0, allocated);
    }

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void SimulatedBusTransfersAllocateNothing()
    {
        var bus = new SimulatedI2cBus();
        bus.Attach(0x76, new Bme280Model());
        bus.Attach(0x44, new Sht3xModel());
        byte[] forced = { 0xF2, 0x01, 0xF4, 0x25 };
        byte[] dataPointer = { 0xF7 };
        byte[] measure = { 0x24, 0x00 };
        byte[] buffer = new byte[8];
        Transfers(bus, forced, dataPointer, measure, buffer, WarmUpCycles);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int ok = Transfers(bus, forced, dataPointer, measure, buffer, MeasuredCycles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(4 * MeasuredCycles, ok);
        Assert.Equal(0, allocated);
    }

    static int Cycles(ISensor sensor, double[] values, ref long now, int count)
    {
        int succeeded = 0;
        for (int i = 0; i < count; i++)
        {
            // Two seconds apart: the DHT22's minimum interval between reads.
            now += 2000;
            int wait = sensor.Start(now);
            if (wait < 0) continue;
            now += wait;
            if (sensor.Collect(values, 0)) succeeded++;
        }

        return succeeded;
    }

    static int Transfers(SimulatedI2cBus bus, byte[] forced, byte[] dataPointer, byte[] measure, byte[] buffer, int count)
    {
        int ok = 0;
        for (int i = 0; i < count; i++)
        {
            if (bus.Write(0x76, forced, forced.Length) == I2cResult.Ok) ok++;
            if (bus.WriteRead(0x76, dataPointer, 1, buffer, 8) == I2cResult.Ok) ok++;
            if (bus.Write(0x44, measure, measure.Length) == I2cResult.Ok) ok++;
            if (bus.Read(0x44, buffer, 6) == I2cResult.Ok) ok++;
        }

        return ok;
    }
}
