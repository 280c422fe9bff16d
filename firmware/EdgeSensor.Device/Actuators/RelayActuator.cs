using EdgeSensor.Device.Commands;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.Device.Actuators;

/// <summary>A digital output (relay module, LED) commanded with ON, OFF, TOGGLE, 1 or 0; active-low wiring handled here.</summary>
public sealed class RelayActuator : Actuator
{
    readonly IDigitalOutput output;
    bool on;

    public RelayActuator(ActuatorConfig config, IDigitalOutput output) : base(config)
    {
        this.output = output;
    }

    public override void ApplySafeState()
    {
        Set(config.SafeOn);
    }

    public override CommandRejection Apply(byte[] payload, int offset, int count)
    {
        if (CommandPayload.Is(payload, offset, count, "ON") || CommandPayload.Is(payload, offset, count, "1")) Set(true);
        else if (CommandPayload.Is(payload, offset, count, "OFF") || CommandPayload.Is(payload, offset, count, "0")) Set(false);
        else if (CommandPayload.Is(payload, offset, count, "TOGGLE")) Set(!on);
        else return CommandRejection.InvalidPayload;
        return CommandRejection.None;
    }

    public override int WriteState(byte[] buffer, int offset)
    {
        string state = on ? "ON" : "OFF";
        for (int i = 0; i < state.Length; i++) buffer[offset + i] = (byte)state[i];
        return state.Length;
    }

    void Set(bool value)
    {
        output.Write(value != config.ActiveLow);
        on = value;
    }
}
