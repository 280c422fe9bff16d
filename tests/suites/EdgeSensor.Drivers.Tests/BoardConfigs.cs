using EdgeSensor.Device.Config;

namespace EdgeSensor.Drivers.Tests;

static class BoardConfigs
{
    /// <summary>One of each sensor kind on a bench board, and a relay and a fan.</summary>
    public static DeviceConfig Bench()
    {
        return new DeviceConfig
        {
            Id = "bench-1",
            I2cBuses = new[] { new I2cBusConfig { Bus = 1, SdaPin = 21, SclPin = 22 } },
            Sensors = new[]
            {
                new SensorConfig { Kind = SensorKind.Dht22, Name = "dht22", PinEcho = 4, PinTrigger = 5 },
                new SensorConfig { Kind = SensorKind.Sht3x, Name = "sht31", I2cBus = 1, Address = 0x44 },
                new SensorConfig { Kind = SensorKind.Bme280, Name = "bme280", I2cBus = 1, Address = 0x76 },
            },
            Actuators = new[]
            {
                new ActuatorConfig { Kind = ActuatorKind.Relay, Name = "relay1", Pin = 26 },
                new ActuatorConfig { Kind = ActuatorKind.Pwm, Name = "fan", Pin = 25, FrequencyHz = 25000 },
            },
        };
    }
}
