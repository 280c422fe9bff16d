namespace EdgeSensor.Device.Config;

/// <summary>The DHT kinds come first: <c>kind &lt;= Dht11</c> means a DHT.</summary>
public enum SensorKind
{
    Dht22,
    Dht11,
    Sht3x,
    Bme280,
}
