using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;

namespace EdgeSensor.Desktop.Devices;

/// <summary>The device's actuators over the simulated board's recording outputs, in configuration order.</summary>
public static class SimulatedActuators
{
    public static Actuator[] For(DeviceConfig config, EdgeSensor.SimulatedBoard.SimulatedBoard board)
    {
        var actuators = new Actuator[config.Actuators.Length];
        for (int i = 0; i < actuators.Length; i++)
        {
            ActuatorConfig a = config.Actuators[i];
            actuators[i] = a.Kind == ActuatorKind.Relay
                ? new RelayActuator(a, board.DigitalOutputAt(a.Pin))
                : new PwmActuator(a, board.PwmOutputAt(a.Pin));
        }

        return actuators;
    }
}
