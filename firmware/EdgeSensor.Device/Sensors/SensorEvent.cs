namespace EdgeSensor.Device.Sensors
{
    public enum SensorEvent
    {
        None,
        Failed,
        Recovered,
    }
}
