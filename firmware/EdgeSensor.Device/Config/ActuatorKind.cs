namespace EdgeSensor.Device.Config;

public enum ActuatorKind
{
    /// <summary>A digital output: relay module, LED, MOSFET gate.</summary>
    Relay,

    /// <summary>A PWM output driven by percent duty: dimmer, fan, LED brightness.</summary>
    Pwm,
}
