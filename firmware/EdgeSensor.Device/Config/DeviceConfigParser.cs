using System.Collections;
using EdgeSensor.Device.Config.Parsing;

namespace EdgeSensor.Device.Config;

/// <summary>
/// Reads a device's configuration document (hardware/config/README.md describes every field) and checks it
/// completely: a document that parses is one the device can run with. Anything else is a
/// <see cref="ConfigException"/> naming the field and the problem. Members may come in any order; unknown
/// members are refused (a misspelt field would otherwise be silently ignored); absent optional members keep
/// the model's defaults. Runs once at boot: it allocates freely.
/// <para>
/// Each member is a row of <see cref="ConfigSchema"/>, which says how it is read, checked and stored; this class
/// holds the rules that involve several members, checked as soon as their object has been read.
/// </para>
/// </summary>
public static class DeviceConfigParser
{
    /// <summary>Throws ArgumentNullException or ArgumentOutOfRangeException, as JsonReader does, for a slice outside the buffer.</summary>
    public static DeviceConfig Parse(byte[] json, int offset, int count)
        => new ConfigReader(json, offset, count, null).ReadDocument();

    /// <summary>
    /// Reads a desired settings document (docs/device-topics.md) onto a copy of <paramref name="compiledIn"/>: the
    /// configuration the device runs with once the document is applied, whose <see cref="DeviceConfig.SettingsVersion"/>
    /// is the document's. Checked completely, with the same refusals as the compiled-in configuration, plus those of
    /// members no settings document may hold. The arrays hold the elements the document lists, nothing else.
    /// </summary>
    public static DeviceConfig ParseSettings(byte[] json, int offset, int count, DeviceConfig compiledIn)
        => new ConfigReader(json, offset, count, compiledIn).ReadDocument();

    /// <summary>The model an object of the section is read into, with its defaults.</summary>
    internal static object Create(int section)
    {
        switch (section)
        {
            case ConfigSchema.Broker:
                return new BrokerConfig();
            case ConfigSchema.Wifi:
                return new WifiConfig();
            case ConfigSchema.I2c:
                return new I2cBusConfig();
            case ConfigSchema.Sensor:
                return new SensorConfig();
            default:
                return new ActuatorConfig();
        }
    }

    /// <summary>
    /// The rules of an object just read, whose members passed their rows' checks. <paramref name="siblings"/>
    /// holds the models of the array's earlier elements (null outside arrays); names are compared by the reader.
    /// </summary>
    internal static void Check(ConfigObject read, ArrayList siblings)
    {
        switch (read.Section)
        {
            case ConfigSchema.Root:
                if (read.Reader.Remote && read.Value("version") == null)
                    throw read.Refuse("version", "missing (a settings document has a version)");

                CheckSensorBuses((DeviceConfig)read.Model);
                PowerSection.CheckTelemetry((DeviceConfig)read.Model);
                break;
            case ConfigSchema.Power:
                PowerSection.Check(read);
                break;
            case ConfigSchema.Broker:
                BrokerConfig broker = (BrokerConfig)read.Model;
                if (broker.Tls && broker.CaCertificate == null)
                    throw read.Refuse("ca_certificate", "required when tls is true (the PEM text of the CA that signed the broker's certificate)");

                if (broker.Password != null && broker.UserName == null)
                {
                    // A CONNECT may carry a password only together with a user name [MQTT-3.1.2-22].
                    throw read.Refuse("password", "given without a username (MQTT sends a password only with a user name)");
                }

                break;
            case ConfigSchema.Wifi:
                WifiConfig wifi = (WifiConfig)read.Model;
                if (wifi.Password != null && wifi.Ssid == null) throw read.Refuse("password", "given without an ssid");

                break;
            case ConfigSchema.I2c:
                CheckI2cBus(read, (I2cBusConfig)read.Model, siblings);
                break;
            case ConfigSchema.Sensor:
                if (read.Reader.Remote) read.Overlay(((SensorConfig)read.Compiled).Copy());
                else CheckSensor(read, (SensorConfig)read.Model);

                break;
            case ConfigSchema.Actuator:
                if (read.Reader.Remote) read.Overlay(((ActuatorConfig)read.Compiled).Copy());

                CheckActuator(read, (ActuatorConfig)read.Model);
                break;
        }
    }

    /// <summary>The i2c array may come after the sensors that use its buses: checked once both are known.</summary>
    static void CheckSensorBuses(DeviceConfig config)
    {
        for (int index = 0; index < config.Sensors.Length; index++)
        {
            SensorConfig sensor = config.Sensors[index];
            bool declared = sensor.Kind <= SensorKind.Dht11; // a DHT needs no bus
            for (int bus = 0; bus < config.I2cBuses.Length; bus++) declared |= config.I2cBuses[bus].Bus == sensor.I2cBus;

            if (!declared)
            {
                throw new ConfigException(ConfigText.Member(ConfigText.Element("sensors", index), "bus"),
                    "I2C bus " + sensor.I2cBus.ToString() + " is not declared in i2c (which pins it uses)");
            }
        }
    }

    static void CheckI2cBus(ConfigObject read, I2cBusConfig bus, ArrayList siblings)
    {
        // SDA and SCL are open-drain lines the controller pulls low: both need an output.
        read.CheckGpio("sda", bus.SdaPin, "I2C");
        read.CheckGpio("scl", bus.SclPin, "I2C");
        read.ClaimGpio("sda", bus.SdaPin);
        read.ClaimGpio("scl", bus.SclPin);
        for (int index = 0; index < siblings.Count; index++)
        {
            if (((I2cBusConfig)siblings[index]).Bus == bus.Bus)
                throw read.Refuse("bus", "I2C bus " + bus.Bus.ToString() + " is already declared by " + read.Sibling(index));
        }
    }

    static void CheckSensor(ConfigObject read, SensorConfig sensor)
    {
        sensor.Kind = (SensorKind)read.Kind;
        if (sensor.Kind <= SensorKind.Dht11)
        {
            // The DHT driver (Iot.Device.Dhtxx.Esp32) drives the data line with the RMT peripheral through two
            // GPIOs wired together: they must differ, and both drive a level.
            read.CheckGpio("pin_echo", sensor.PinEcho, "a DHT sensor");
            read.CheckGpio("pin_trigger", sensor.PinTrigger, "a DHT sensor");
            if (sensor.PinEcho == sensor.PinTrigger)
                throw read.Refuse("pin_trigger", "must differ from pin_echo (a DHT needs two GPIOs), both are " + sensor.PinEcho.ToString());

            read.ClaimGpio("pin_echo", sensor.PinEcho);
            read.ClaimGpio("pin_trigger", sensor.PinTrigger);
            return;
        }

        // The two addresses each chip can be strapped to (SHT3x: ADDR pin low/high; BME280: SDO low/high).
        int first = sensor.Kind == SensorKind.Sht3x ? 0x44 : 0x76;
        string expected = "an I2C address " + ConfigText.Hex(first) + " or " + ConfigText.Hex(first + 1) + " for " + ConfigSchema.SensorKinds[read.Kind];
        if (read.Value("address") == null) throw read.Refuse("address", "missing (" + expected + ")");

        if (sensor.Address != first && sensor.Address != first + 1)
            throw read.Refuse("address", "expected " + expected + ", got " + ConfigText.Hex(sensor.Address));

        // Two chips on one address would garble each other's answers.
        read.Reader.Claim(read.PathOf("address"), ConfigReader.AddressSlot(sensor.I2cBus, sensor.Address), read.Path,
            "I2C address " + ConfigText.Hex(sensor.Address) + " on bus " + sensor.I2cBus.ToString());
    }

    /// <summary>
    /// The compiled-in sensor or actuator a settings document's element names (<see cref="ConfigObject.Compiled"/>), whose
    /// kind (returned) and wiring it keeps.
    /// </summary>
    internal static int FindCompiled(ConfigObject element)
    {
        string name = (string)element.Value("name");
        DeviceConfig compiledIn = element.Reader.CompiledIn;
        bool sensor = element.Section == ConfigSchema.Sensor;
        string known = string.Empty;
        int count = sensor ? compiledIn.Sensors.Length : compiledIn.Actuators.Length;
        for (int index = 0; index < count; index++)
        {
            string candidate = sensor ? compiledIn.Sensors[index].Name : compiledIn.Actuators[index].Name;
            if (candidate == name)
            {
                element.Compiled = sensor ? compiledIn.Sensors[index] : compiledIn.Actuators[index];
                element.Kind = sensor ? (int)compiledIn.Sensors[index].Kind : (int)compiledIn.Actuators[index].Kind;
                return element.Kind;
            }

            known += (index == 0 ? string.Empty : ", ") + candidate;
        }

        throw element.Refuse("name", "no " + (sensor ? "sensor" : "actuator") + " named " + ConfigText.Quote(name) + " (known: " + known + ")");
    }

    static void CheckActuator(ConfigObject read, ActuatorConfig actuator)
    {
        actuator.Kind = (ActuatorKind)read.Kind;
        if (!read.Reader.Remote)
        {
            read.CheckGpio("pin", actuator.Pin, "an actuator");
            read.ClaimGpio("pin", actuator.Pin);
        }

        // safe_state as written (a quoted string, a number's text, or a literal) and its integer value, if it has one.
        object[] safeState = (object[])read.Value("safe_state");
        if (safeState != null && actuator.Kind == ActuatorKind.Relay)
        {
            string written = (string)safeState[0];
            if (written != "\"on\"" && written != "\"off\"")
                throw read.Refuse("safe_state", "expected \"on\" or \"off\" for a relay, got " + written);

            actuator.SafeOn = written == "\"on\"";
        }
        else if (safeState != null)
        {
            object percent = safeState[1];
            if (percent == null || (int)percent < 0 || (int)percent > 100)
                throw read.Refuse("safe_state", "expected a duty cycle from 0 to 100 (percent) for pwm, got " + (string)safeState[0]);

            actuator.SafePercent = (int)percent;
        }
    }
}
