using System.Device.Gpio;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>A GPIO driven push-pull: relay module inputs, LEDs, MOSFET gates.</summary>
sealed class GpioDigitalOutput : IDigitalOutput
{
    readonly GpioPin pin;

    public GpioDigitalOutput(GpioController controller, int pinNumber)
    {
        pin = controller.OpenPin(pinNumber, PinMode.Output);
    }

    public void Write(bool high)
    {
        pin.Write(high ? PinValue.High : PinValue.Low);
    }
}
