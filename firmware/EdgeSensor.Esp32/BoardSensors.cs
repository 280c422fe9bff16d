using System;
using System.Device.Gpio;
using System.Diagnostics;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Esp32.Adapters;

namespace EdgeSensor.Esp32;

/// <summary>Builds the configured sensors on their pins and I2C buses.</summary>
static class BoardSensors
{
    public static ISensor[] Create(DeviceConfig config, GpioController gpio)
    {
        I2cBus[] buses = OpenBuses(config.I2cBuses);
        ISensor[] built = new ISensor[config.Sensors.Length];
        int count = 0;
        for (int i = 0; i < config.Sensors.Length; i++)
        {
            SensorConfig sensor = config.Sensors[i];
            ISensor created = Create(sensor, buses, gpio);
            if (created == null)
            {
                Debug.WriteLine("sensor " + sensor.Name + " left out: I2C bus " + sensor.I2cBus.ToString() + " is not open, or the kind is not supported here");
                continue;
            }

            built[count++] = created;
        }

        ISensor[] result = new ISensor[count];
        Array.Copy(built, result, count);
        return result;
    }

    static ISensor Create(SensorConfig sensor, I2cBus[] buses, GpioController gpio)
    {
        switch (sensor.Kind)
        {
            case SensorKind.Dht22:
            case SensorKind.Dht11:
                return new DhtSensor(sensor.Name, new DhtReader(sensor.Kind, sensor.PinEcho, sensor.PinTrigger, gpio), sensor.Kind);
            case SensorKind.Sht3x:
                I2cBus shtBus = Find(buses, sensor.I2cBus);
                return shtBus == null ? null : new Sht3xSensor(sensor.Name, shtBus, sensor.Address);
            case SensorKind.Bme280:
                I2cBus bmeBus = Find(buses, sensor.I2cBus);
                return bmeBus == null ? null : new Bme280Sensor(sensor.Name, bmeBus, sensor.Address);
            default:
                return null;
        }
    }

    static I2cBus[] OpenBuses(I2cBusConfig[] configs)
    {
        I2cBus[] buses = new I2cBus[configs.Length];
        for (int i = 0; i < configs.Length; i++)
        {
            try
            {
                buses[i] = I2cBus.Open(configs[i]);
            }
            catch (Exception e)
            {
                Debug.WriteLine("I2C bus " + configs[i].Bus.ToString() + " not opened: " + e.Message);
            }
        }

        return buses;
    }

    static I2cBus Find(I2cBus[] buses, int id)
    {
        for (int i = 0; i < buses.Length; i++)
        {
            if (buses[i] != null && buses[i].Id == id) return buses[i];
        }

        return null;
    }
}
