namespace EdgeSensor.Device.Sensors
{
    internal enum SensorEvent
    {
        None,
        Failed,
        Recovered,
    }
}
