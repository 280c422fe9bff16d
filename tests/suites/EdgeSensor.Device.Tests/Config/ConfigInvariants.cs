using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeSensor.Device.Config;
using Xunit;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>
/// What every configuration the parser accepts must satisfy, written independently of the parser: the fuzz
/// tests check it on every mutated document that still parses.
/// </summary>
static class ConfigInvariants
{
    static readonly Regex Name = new("^[a-z0-9_-]{1,32}$");
    static readonly int[] NoSuchGpio = { 6, 7, 8, 9, 10, 11, 24, 28, 29, 30, 31 };

    public static void Check(DeviceConfig config)
    {
        Assert.True(config.Id.Length == 0 || Name.IsMatch(config.Id), "id " + config.Id);
        Assert.Matches(Name, config.Board);
        CheckPrefix(config.Prefix);
        CheckPrefix(config.HomeAssistantPrefix);

        Assert.InRange(config.Broker.Port, 1, 65535);
        Assert.False(config.Broker.Tls && config.Broker.CaCertificate == null, "tls without a CA");
        Assert.False(config.Broker.Password != null && config.Broker.UserName == null, "password without username");
        Assert.InRange(config.TelemetryIntervalSeconds, 1, 86400);
        Assert.InRange(config.TelemetryQos, 0, 1);
        Assert.InRange(config.KeepAliveSeconds, 0, 65535);
        Assert.True(config.FailureEventAfter >= 1);

        var pins = new List<int>();
        foreach (I2cBusConfig bus in config.I2cBuses)
        {
            Assert.InRange(bus.Bus, 1, 2);
            pins.Add(OutputPin(bus.SdaPin));
            pins.Add(OutputPin(bus.SclPin));
        }

        Assert.Equal(config.I2cBuses.Length, config.I2cBuses.Select(bus => bus.Bus).Distinct().Count());

        foreach (SensorConfig sensor in config.Sensors)
        {
            Assert.Matches(Name, sensor.Name);
            switch (sensor.Kind)
            {
                case SensorKind.Dht22:
                case SensorKind.Dht11:
                    pins.Add(OutputPin(sensor.PinEcho));
                    pins.Add(OutputPin(sensor.PinTrigger));
                    break;
                case SensorKind.Sht3x:
                    Assert.Contains(sensor.Address, new[] { 0x44, 0x45 });
                    Assert.Contains(config.I2cBuses, bus => bus.Bus == sensor.I2cBus);
                    break;
                default:
                    Assert.Contains(sensor.Address, new[] { 0x76, 0x77 });
                    Assert.Contains(config.I2cBuses, bus => bus.Bus == sensor.I2cBus);
                    break;
            }
        }

        foreach (ActuatorConfig actuator in config.Actuators)
        {
            Assert.Matches(Name, actuator.Name);
            pins.Add(OutputPin(actuator.Pin));
            Assert.InRange(actuator.SafePercent, 0, 100);
            Assert.InRange(actuator.FrequencyHz, 1, 40000);
        }

        Assert.Equal(pins.Count, pins.Distinct().Count());
        Assert.Equal(config.Sensors.Length, config.Sensors.Select(sensor => sensor.Name).Distinct().Count());
        Assert.Equal(config.Actuators.Length, config.Actuators.Select(actuator => actuator.Name).Distinct().Count());
        Assert.Equal(
            config.Sensors.Count(sensor => sensor.Kind is SensorKind.Sht3x or SensorKind.Bme280),
            config.Sensors.Where(sensor => sensor.Kind is SensorKind.Sht3x or SensorKind.Bme280).Select(sensor => (sensor.I2cBus, sensor.Address)).Distinct().Count());
    }

    static int OutputPin(int pin)
    {
        Assert.InRange(pin, 0, 33);
        Assert.DoesNotContain(pin, NoSuchGpio);
        return pin;
    }

    static void CheckPrefix(string prefix)
    {
        Assert.NotEmpty(prefix);
        Assert.DoesNotMatch("[+#\\u0000-\\u001f\\u007f-\\u009f]|^/|/$|//|^\\$", prefix);
    }
}
