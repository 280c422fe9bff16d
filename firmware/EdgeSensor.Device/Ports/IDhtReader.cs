namespace EdgeSensor.Device.Ports;

/// <summary>
/// A DHT11/DHT22 on its data line. On the ESP32 this wraps Iot.Device.Dhtxx.Esp32 (RMT based), which
/// signals a failed read through IsLastReadSuccessful rather than an exception.
/// </summary>
public interface IDhtReader
{
    /// <summary>Reads both quantities; false when the read failed (checksum, timeout, no sensor).</summary>
    bool TryRead(out double temperatureC, out double humidityPercent);
}
