using System;
using System.Device.Gpio;
using System.Diagnostics;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Ports;
using Iot.Device.DHTxx.Esp32;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>
/// A DHT22/DHT11 read with Iot.Device.Dhtxx.Esp32: the trigger GPIO drives the start pulse, the echo GPIO
/// receives the answer with the RMT peripheral; both are wired to the sensor's data line.
/// </summary>
sealed class DhtReader : IDhtReader
{
    readonly DhtBase dht;

    public DhtReader(SensorKind kind, int pinEcho, int pinTrigger, GpioController controller)
    {
        try
        {
            // The constructor claims an RMT channel and waits 1 s for the sensor to settle.
            dht = kind == SensorKind.Dht11
                ? (DhtBase)new Dht11(pinEcho, pinTrigger, PinNumberingScheme.Logical, controller, false)
                : new Dht22(pinEcho, pinTrigger, PinNumberingScheme.Logical, controller, false);
        }
        catch (Exception e)
        {
            // Keep the sensor in telemetry as failing (null values, errors counting up) rather than lose it.
            Debug.WriteLine("DHT on GPIO " + pinEcho.ToString() + "/" + pinTrigger.ToString() + " unavailable: " + e.Message);
        }
    }

    public bool TryRead(out double temperatureC, out double humidityPercent)
    {
        temperatureC = 0;
        humidityPercent = 0;
        if (dht == null) return false;

        // Reading Temperature starts a measurement; Humidity then comes from the same one (the driver does not
        // measure twice within a second). Both are meaningless unless IsLastReadSuccessful.
        UnitsNet.Temperature temperature = dht.Temperature;
        UnitsNet.RelativeHumidity humidity = dht.Humidity;
        if (!dht.IsLastReadSuccessful) return false;

        temperatureC = temperature.DegreesCelsius;
        humidityPercent = humidity.Percent;
        return true;
    }
}
