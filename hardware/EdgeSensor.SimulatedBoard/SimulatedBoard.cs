using System;
using System.Collections.Generic;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// A whole simulated device board built from a <see cref="DeviceConfig"/>: a model for every configured sensor
/// (DHT on its pin, SHT3x and BME280 on simulated I2C buses) with the real drivers over them, and a recording
/// output for every actuator pin. Tests and the harness reach the models by sensor or actuator name to set
/// values and inject faults; the device gets <see cref="Sensors"/> and the outputs by pin.
/// </summary>
public sealed class SimulatedBoard
{
    readonly List<SensorEntry> sensorEntries = new();
    readonly Dictionary<string, SensorEntry> sensorsByName = new(StringComparer.Ordinal);
    readonly Dictionary<int, SimulatedI2cBus> buses = new();
    readonly Dictionary<string, SimulatedDigitalOutput> relaysByName = new(StringComparer.Ordinal);
    readonly Dictionary<string, SimulatedPwmOutput> pwmsByName = new(StringComparer.Ordinal);
    readonly Dictionary<int, SimulatedDigitalOutput> digitalOutputsByPin = new();
    readonly Dictionary<int, SimulatedPwmOutput> pwmOutputsByPin = new();
    readonly object driftGate = new();
    long tick;

    /// <param name="seed">Chooses each sensor's drift offsets and phases; the same seed gives the same run.</param>
    public SimulatedBoard(DeviceConfig config, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(config);
        Seed = seed;
        var random = new Random(seed);

        foreach (I2cBusConfig bus in config.I2cBuses ?? Array.Empty<I2cBusConfig>())
        {
            BusNumbered(bus.Bus);
        }

        foreach (SensorConfig sensor in config.Sensors ?? Array.Empty<SensorConfig>())
        {
            AddSensor(sensor, new ClimateDrift(random));
        }

        foreach (ActuatorConfig actuator in config.Actuators ?? Array.Empty<ActuatorConfig>())
        {
            AddActuator(actuator);
        }

        ApplyDrift(0);
    }

    public int Seed { get; }

    /// <summary>The ticks of drift applied so far (see <see cref="AdvanceDrift"/>).</summary>
    public long Tick
    {
        get { lock (driftGate) return tick; }
    }

    /// <summary>The drivers over the models, in configuration order (a new array each time; the same drivers).</summary>
    public ISensor[] Sensors
    {
        get
        {
            var sensors = new ISensor[sensorEntries.Count];
            for (int i = 0; i < sensors.Length; i++) sensors[i] = sensorEntries[i].Driver;
            return sensors;
        }
    }

    public ISensor Sensor(string name) => Entry(name).Driver;

    public SimulatedDht Dht(string name) => Model<SimulatedDht>(name);

    public Sht3xModel Sht3x(string name) => Model<Sht3xModel>(name);

    public Bme280Model Bme280(string name) => Model<Bme280Model>(name);

    public SimulatedI2cBus I2cBus(int bus)
    {
        return buses.TryGetValue(bus, out SimulatedI2cBus found)
            ? found
            : throw new KeyNotFoundException($"The board has no I2C bus {bus}.");
    }

    /// <summary>Injects a fault on the bus for transfers to the named I2C sensor.</summary>
    public void InjectI2cFault(string sensorName, SimulatedI2cFault fault, int transfers = SimulatedI2cBus.UntilCleared)
    {
        SensorEntry entry = I2cEntry(sensorName);
        entry.Bus.InjectFault(entry.Address, fault, transfers);
    }

    public void ClearI2cFault(string sensorName)
    {
        SensorEntry entry = I2cEntry(sensorName);
        entry.Bus.ClearFault(entry.Address);
    }

    public SimulatedDigitalOutput Relay(string name)
    {
        return relaysByName.TryGetValue(name, out SimulatedDigitalOutput output)
            ? output
            : throw new KeyNotFoundException($"The board has no relay named '{name}'.");
    }

    public SimulatedPwmOutput Pwm(string name)
    {
        return pwmsByName.TryGetValue(name, out SimulatedPwmOutput output)
            ? output
            : throw new KeyNotFoundException($"The board has no PWM output named '{name}'.");
    }

    public SimulatedDigitalOutput DigitalOutputAt(int pin)
    {
        return digitalOutputsByPin.TryGetValue(pin, out SimulatedDigitalOutput output)
            ? output
            : throw new KeyNotFoundException($"No relay is configured on pin {pin}.");
    }

    public SimulatedPwmOutput PwmOutputAt(int pin)
    {
        return pwmOutputsByPin.TryGetValue(pin, out SimulatedPwmOutput output)
            ? output
            : throw new KeyNotFoundException($"No PWM output is configured on pin {pin}.");
    }

    /// <summary>Moves the simulated weather on by <paramref name="ticks"/> and sets every sensor model to it.</summary>
    public void AdvanceDrift(int ticks = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        lock (driftGate)
        {
            tick += ticks;
            ApplyDrift(tick);
        }
    }

    /// <summary>Sets every sensor model to the drift's values at <paramref name="atTick"/> (overwriting values set by hand).</summary>
    public void ApplyDrift(long atTick)
    {
        lock (driftGate)
        {
            tick = atTick;
            foreach (SensorEntry entry in sensorEntries)
            {
                double temperature = entry.Drift.TemperatureC(atTick);
                double humidity = entry.Drift.HumidityPercent(atTick);
                switch (entry.Model)
                {
                    case SimulatedDht dht:
                        dht.SetValues(temperature, humidity);
                        break;
                    case Sht3xModel sht:
                        sht.TemperatureC = temperature;
                        sht.HumidityPercent = humidity;
                        break;
                    case Bme280Model bme:
                        bme.TemperatureC = temperature;
                        bme.HumidityPercent = humidity;
                        bme.PressureHpa = entry.Drift.PressureHpa(atTick);
                        break;
                }
            }
        }
    }

    void AddSensor(SensorConfig config, ClimateDrift drift)
    {
        if (config.Name == null || sensorsByName.ContainsKey(config.Name))
        {
            throw new ArgumentException($"Sensor names must be present and unique: '{config.Name}'.", nameof(config));
        }

        SensorEntry entry;
        switch (config.Kind)
        {
            case SensorKind.Dht22:
            case SensorKind.Dht11:
                {
                    var dht = new SimulatedDht();
                    entry = new SensorEntry(new DhtSensor(config.Name, dht, config.Kind), dht, drift, null, 0);
                    break;
                }

            case SensorKind.Sht3x:
                {
                    var sht = new Sht3xModel();
                    int address = config.Address == 0 ? Sht3xSensor.DefaultAddress : config.Address;
                    SimulatedI2cBus bus = BusNumbered(config.I2cBus);
                    bus.Attach(address, sht);
                    entry = new SensorEntry(new Sht3xSensor(config.Name, bus, address), sht, drift, bus, address);
                    break;
                }

            case SensorKind.Bme280:
                {
                    var bme = new Bme280Model();
                    int address = config.Address == 0 ? Bme280Sensor.DefaultAddress : config.Address;
                    SimulatedI2cBus bus = BusNumbered(config.I2cBus);
                    bus.Attach(address, bme);
                    entry = new SensorEntry(new Bme280Sensor(config.Name, bus, address), bme, drift, bus, address);
                    break;
                }

            default:
                throw new ArgumentException($"Sensor '{config.Name}' has a kind the simulated board does not model: {config.Kind}.", nameof(config));
        }

        sensorEntries.Add(entry);
        sensorsByName.Add(config.Name, entry);
    }

    void AddActuator(ActuatorConfig config)
    {
        if (config.Name == null || relaysByName.ContainsKey(config.Name) || pwmsByName.ContainsKey(config.Name))
        {
            throw new ArgumentException($"Actuator names must be present and unique: '{config.Name}'.", nameof(config));
        }

        if (digitalOutputsByPin.ContainsKey(config.Pin) || pwmOutputsByPin.ContainsKey(config.Pin))
        {
            throw new ArgumentException($"Pin {config.Pin} drives more than one actuator ('{config.Name}').", nameof(config));
        }

        switch (config.Kind)
        {
            case ActuatorKind.Relay:
                var relay = new SimulatedDigitalOutput(config.Pin);
                relaysByName.Add(config.Name, relay);
                digitalOutputsByPin.Add(config.Pin, relay);
                break;
            case ActuatorKind.Pwm:
                var pwm = new SimulatedPwmOutput(config.Pin, config.FrequencyHz);
                pwmsByName.Add(config.Name, pwm);
                pwmOutputsByPin.Add(config.Pin, pwm);
                break;
            default:
                throw new ArgumentException($"Actuator '{config.Name}' has a kind the simulated board does not model: {config.Kind}.", nameof(config));
        }
    }

    SimulatedI2cBus BusNumbered(int number)
    {
        if (!buses.TryGetValue(number, out SimulatedI2cBus bus))
        {
            bus = new SimulatedI2cBus();
            buses.Add(number, bus);
        }

        return bus;
    }

    SensorEntry Entry(string name)
    {
        return sensorsByName.TryGetValue(name, out SensorEntry entry)
            ? entry
            : throw new KeyNotFoundException($"The board has no sensor named '{name}'.");
    }

    SensorEntry I2cEntry(string name)
    {
        SensorEntry entry = Entry(name);
        if (entry.Bus == null) throw new InvalidOperationException($"Sensor '{name}' is not on an I2C bus.");
        return entry;
    }

    T Model<T>(string name)
        where T : class
    {
        return Entry(name).Model as T
            ?? throw new InvalidOperationException($"Sensor '{name}' is not a {typeof(T).Name}.");
    }

    sealed record SensorEntry(ISensor Driver, object Model, ClimateDrift Drift, SimulatedI2cBus Bus, int Address);
}
