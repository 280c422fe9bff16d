namespace EdgeSensor.Device.Ports;

/// <summary>A GPIO pin driven as an output; the electrical level, before any active-low inversion.</summary>
public interface IDigitalOutput
{
    void Write(bool high);
}
