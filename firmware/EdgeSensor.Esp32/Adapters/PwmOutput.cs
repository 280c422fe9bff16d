using System.Device.Pwm;
using EdgeSensor.Device.Ports;
using nanoFramework.Hardware.Esp32;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>An LEDC PWM channel on a GPIO, duty in percent.</summary>
sealed class PwmOutput : IPwmOutput
{
    // The ESP32 pairs PWM functions on one timer, and a pair shares its frequency: every other function
    // (PWM1, PWM3, ...) gives each output its own timer, so each keeps the frequency its config asks for.
    static readonly DeviceFunction[] OwnTimerFunctions = new DeviceFunction[]
    {
        DeviceFunction.PWM1, DeviceFunction.PWM3, DeviceFunction.PWM5, DeviceFunction.PWM7,
        DeviceFunction.PWM9, DeviceFunction.PWM11, DeviceFunction.PWM13, DeviceFunction.PWM15,
    };

    readonly PwmChannel channel;

    PwmOutput(PwmChannel channel)
    {
        this.channel = channel;
    }

    public static int MaxOutputs { get { return OwnTimerFunctions.Length; } }

    /// <summary>Routes the pin to the <paramref name="index"/>-th PWM function and starts it at 0 % duty.</summary>
    public static PwmOutput Open(int pin, int frequencyHz, int index)
    {
        Configuration.SetPinFunction(pin, OwnTimerFunctions[index]);
        PwmChannel channel = PwmChannel.CreateFromPin(pin, frequencyHz, 0.0);
        if (channel == null)
        {
            // CreateFromPin answers null, not an exception, when the pin cannot do PWM.
            throw new System.ArgumentException("GPIO " + pin.ToString() + " cannot be a PWM output");
        }

        channel.Start();
        return new PwmOutput(channel);
    }

    public void SetDutyPercent(int percent)
    {
        channel.DutyCycle = percent / 100.0;
    }
}
