using EdgeSensor.Device.Config;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.Device.Sensors;

/// <summary>
/// A DHT22 or DHT11 behind <see cref="IDhtReader"/>. The sensor needs a rest between reads (2 s for the DHT22,
/// 1 s for the DHT11): asked sooner, it answers with the result of its last read rather than read again.
/// </summary>
public sealed class DhtSensor : ISensor
{
    readonly string name;
    readonly IDhtReader reader;
    readonly int minIntervalMs;
    long lastReadAt = long.MinValue;
    bool lastOk;
    double temperature;
    double humidity;

    public DhtSensor(string name, IDhtReader reader, SensorKind kind)
    {
        this.name = name;
        this.reader = reader;
        minIntervalMs = kind == SensorKind.Dht11 ? 1000 : 2000;
    }

    public string Name => name;

    public SensorQuantity[] Quantities => SensorQuantity.TemperatureAndHumidity;

    public int Start(long nowMs)
    {
        if (lastReadAt != long.MinValue && nowMs - lastReadAt < minIntervalMs) return 0;
        lastReadAt = nowMs;
        lastOk = reader.TryRead(out temperature, out humidity) && IsPlausible(temperature, humidity);
        return 0;
    }

    public bool Collect(double[] values, int offset)
    {
        if (!lastOk) return false;
        values[offset] = temperature;
        values[offset + 1] = humidity;
        return true;
    }

    /// <summary>The DHT22's range (-40..80 °C, 0..100 %): anything else is a misread that passed the checksum.</summary>
    static bool IsPlausible(double t, double h) => t >= -40 && t <= 80 && h >= 0 && h <= 100;
}
