namespace EdgeSensor.Sample.MinimalMqtt;

/// <summary>What the sample needs from the board it runs on: an output to switch and a place to write a line.</summary>
public interface ISampleBoard
{
    /// <summary>The command's effect: on the device a GPIO pin, on the desktop a line on the console.</summary>
    void SwitchLed(bool on);

    void Log(string line);
}
