using EdgeSensor.Device.Commands;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.Device.Actuators;

/// <summary>A PWM output (dimmer, fan) commanded with an integer percent duty, 0 to 100.</summary>
public sealed class PwmActuator : Actuator
{
    readonly IPwmOutput output;
    int percent;

    public PwmActuator(ActuatorConfig config, IPwmOutput output) : base(config)
    {
        this.output = output;
    }

    public override void ApplySafeState()
    {
        Set(config.SafePercent);
    }

    public override CommandRejection Apply(byte[] payload, int offset, int count)
    {
        int value = CommandPayload.ParseInteger(payload, offset, count, 100);
        if (value < 0) return CommandRejection.InvalidPayload;
        Set(value);
        return CommandRejection.None;
    }

    public override int WriteState(byte[] buffer, int offset)
    {
        int length = 0;
        if (percent >= 100) buffer[offset + length++] = (byte)'1';
        if (percent >= 10) buffer[offset + length++] = (byte)('0' + (percent / 10) % 10);
        buffer[offset + length++] = (byte)('0' + percent % 10);
        return length;
    }

    void Set(int value)
    {
        output.SetDutyPercent(value);
        percent = value;
    }
}
