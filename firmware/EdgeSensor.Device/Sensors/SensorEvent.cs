namespace EdgeSensor.Device.Sensors;

enum SensorEvent
{
    None,
    Failed,
    Recovered,
}
