namespace EdgeSensor.Device.Ports;

/// <summary>A PWM channel at the frequency it was opened with.</summary>
public interface IPwmOutput
{
    /// <summary>Duty cycle in percent, 0 to 100.</summary>
    void SetDutyPercent(int percent);
}
