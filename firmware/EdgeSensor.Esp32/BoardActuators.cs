using System;
using System.Device.Gpio;
using System.Diagnostics;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Esp32.Adapters;

namespace EdgeSensor.Esp32;

/// <summary>Builds the configured actuators on their pins, each driven to its safe state as soon as it exists.</summary>
static class BoardActuators
{
    /// <summary>
    /// An actuator whose pin cannot be opened is left out (and logged) so that the others still reach their safe
    /// state; commands to it are then rejected as for an unknown actuator.
    /// </summary>
    public static Actuator[] CreateInSafeState(ActuatorConfig[] configs, GpioController gpio)
    {
        Actuator[] built = new Actuator[configs.Length];
        int count = 0;
        int pwmOutputs = 0;
        for (int i = 0; i < configs.Length; i++)
        {
            ActuatorConfig config = configs[i];
            try
            {
                Actuator actuator;
                if (config.Kind == ActuatorKind.Pwm)
                {
                    if (pwmOutputs == PwmOutput.MaxOutputs) throw new ArgumentException("more than " + PwmOutput.MaxOutputs.ToString() + " PWM outputs");
                    actuator = new PwmActuator(config, PwmOutput.Open(config.Pin, config.FrequencyHz, pwmOutputs));
                    pwmOutputs++;
                }
                else
                {
                    actuator = new RelayActuator(config, new GpioDigitalOutput(gpio, config.Pin));
                }

                actuator.ApplySafeState();
                built[count++] = actuator;
            }
            catch (Exception e)
            {
                Debug.WriteLine("actuator " + config.Name + " on GPIO " + config.Pin.ToString() + " left out: " + e.Message);
            }
        }

        Actuator[] result = new Actuator[count];
        Array.Copy(built, result, count);
        return result;
    }
}
