namespace EdgeSensor.Device.Config;

public enum SensorKind
{
    Dht22,
    Dht11,
    Sht3x,
    Bme280,
}
