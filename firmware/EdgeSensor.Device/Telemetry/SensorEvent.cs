namespace EdgeSensor.Device
{
    public enum SensorEvent
    {
        None,
        Failed,
        Recovered,
    }
}
