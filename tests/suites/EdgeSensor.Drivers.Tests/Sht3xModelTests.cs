using EdgeSensor.Device.Ports;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests;

public sealed class Sht3xModelTests
{
    readonly Sht3xModel model = new();
    readonly byte[] result = new byte[6];

    [Fact]
    public void AnswersTheMeasurementCommandWithDatasheetEncodedWordsAndTheirCrcs()
    {
        model.TemperatureC = 25.0;
        model.HumidityPercent = 100.0 * 48879 / 65535;

        Assert.Equal(I2cResult.Ok, model.Write(new byte[] { 0x24, 0x00 }));
        Assert.Equal(I2cResult.Ok, model.Read(result));

        // 25 °C is 0x6666 (0.4 of the -45..130 °C span); the humidity is the datasheet's CRC example word.
        Assert.Equal(new byte[] { 0x66, 0x66, 0x93, 0xBE, 0xEF, 0x92 }, result);
    }

    [Fact]
    public void RefusesAReadBeforeAMeasurementCommand()
    {
        Assert.Equal(I2cResult.AddressNotAcknowledged, model.Read(result));
    }

    [Fact]
    public void HandsEachMeasurementOutOnce()
    {
        model.Write(new byte[] { 0x24, 0x00 });
        model.Read(result);

        Assert.Equal(I2cResult.AddressNotAcknowledged, model.Read(result));
    }

    [Fact]
    public void AnyOtherCommandTakesNoMeasurementAndDiscardsTheOneHeld()
    {
        model.Write(new byte[] { 0x24, 0x00 });

        model.Write(new byte[] { 0x2C, 0x06 }); // single shot with clock stretching: not modelled

        Assert.Equal(I2cResult.AddressNotAcknowledged, model.Read(result));
        Assert.Equal(1, model.MeasurementCount);
    }

    [Theory]
    [InlineData(-60.0, 0)]
    [InlineData(200.0, 0xFFFF)]
    public void RawTemperatureSaturatesAtTheEndsOfTheScale(double celsius, int raw)
    {
        Assert.Equal(raw, Sht3xModel.RawTemperature(celsius));
    }
}
