using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests;

/// <summary>
/// The SHT3x driver on the simulated part (desktop-only code). Its vectors against exact bytes on a scripted bus run
/// on nanoCLR and here through NanoTests/Device/Sensors/Sht3xSensorTests.cs (EdgeSensor.NanoTests.OnDesktop).
/// </summary>
public sealed class Sht3xSensorTests
{
    readonly double[] values = { double.NaN, double.NaN, double.NaN };

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
}
