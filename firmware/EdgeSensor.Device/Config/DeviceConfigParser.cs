using System;
using System.Collections;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config.Parsing;

namespace EdgeSensor.Device.Config
{
    /// <summary>
    /// Reads a device's configuration document (hardware/config/README.md describes every field) and checks it
    /// completely: a document that parses is one the device can run with. Anything else is a
    /// <see cref="ConfigException"/> naming the field and the problem. Members may come in any order; unknown
    /// members are refused (a misspelt field would otherwise be silently ignored); absent optional members keep
    /// the model's defaults. Runs once at boot: it allocates freely.
    /// <para>
    /// What each member is and how it is checked on its own is a row of <see cref="ConfigSchema"/>; this class
    /// puts the values into the model and checks what involves several members.
    /// </para>
    /// </summary>
    public static class DeviceConfigParser
    {
        public static DeviceConfig Parse(byte[] json, int offset, int count)
        {
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }

            if (offset < 0 || count < 0 || offset > json.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset and count must lie within json");
            }

            return new ConfigReader(json, offset, count).ReadDocument();
        }

        /// <summary>
        /// The model of an object just read, once its members passed their rows' checks. <paramref name="siblings"/>
        /// holds the models of the array's earlier elements (null outside arrays).
        /// </summary>
        internal static object Build(ConfigObject read, ArrayList siblings)
        {
            switch (read.Section)
            {
                case ConfigSchema.Root:
                    return Device(read);
                case ConfigSchema.Broker:
                    return Broker(read);
                case ConfigSchema.Wifi:
                    WifiConfig wifi = new WifiConfig();
                    wifi.Ssid = read.Text("ssid", null);
                    wifi.Password = read.Text("password", null);
                    if (wifi.Password != null && wifi.Ssid == null)
                    {
                        throw read.Refuse("password", "given without an ssid");
                    }

                    return wifi;
                case ConfigSchema.I2c:
                    return I2cBus(read, siblings);
                case ConfigSchema.Sensor:
                    return Sensor(read, siblings);
                case ConfigSchema.Actuator:
                    return Actuator(read, siblings);
                default:
                    // telemetry and homeassistant: their members land on the device's model, read from the object itself.
                    return read;
            }
        }

        static DeviceConfig Device(ConfigObject read)
        {
            DeviceConfig config = new DeviceConfig();
            config.Id = read.Text("id", config.Id);
            config.Board = read.Text("board", config.Board);
            config.Prefix = read.Text("prefix", config.Prefix);
            config.Broker = (BrokerConfig)read.Value("broker") ?? config.Broker;
            config.Wifi = (WifiConfig)read.Value("wifi") ?? config.Wifi;
            ConfigObject telemetry = (ConfigObject)read.Value("telemetry");
            if (telemetry != null)
            {
                config.TelemetryIntervalSeconds = telemetry.Number("interval_s", config.TelemetryIntervalSeconds);
                config.TelemetryQos = telemetry.Number("qos", config.TelemetryQos);
            }

            config.KeepAliveSeconds = read.Number("keepalive_s", config.KeepAliveSeconds);
            config.FailureEventAfter = read.Number("failure_event_after", config.FailureEventAfter);
            ConfigObject homeAssistant = (ConfigObject)read.Value("homeassistant");
            if (homeAssistant != null)
            {
                config.HomeAssistantDiscovery = homeAssistant.Flag("discovery", config.HomeAssistantDiscovery);
                config.HomeAssistantPrefix = homeAssistant.Text("prefix", config.HomeAssistantPrefix);
            }

            config.I2cBuses = (I2cBusConfig[])Elements(read, "i2c", typeof(I2cBusConfig), config.I2cBuses);
            config.Sensors = (SensorConfig[])Elements(read, "sensors", typeof(SensorConfig), config.Sensors);
            config.Actuators = (ActuatorConfig[])Elements(read, "actuators", typeof(ActuatorConfig), config.Actuators);

            // The i2c array may come after the sensors that use its buses: checked once both are known.
            for (int index = 0; index < config.Sensors.Length; index++)
            {
                SensorConfig sensor = config.Sensors[index];
                bool declared = sensor.Kind == SensorKind.Dht22 || sensor.Kind == SensorKind.Dht11;
                for (int bus = 0; bus < config.I2cBuses.Length; bus++)
                {
                    declared |= config.I2cBuses[bus].Bus == sensor.I2cBus;
                }

                if (!declared)
                {
                    throw new ConfigException(ConfigText.Member(ConfigText.Element("sensors", index), "bus"),
                        "I2C bus " + sensor.I2cBus.ToString() + " is not declared in i2c (which pins it uses)");
                }
            }

            return config;
        }

        static BrokerConfig Broker(ConfigObject read)
        {
            BrokerConfig broker = new BrokerConfig();
            broker.Host = read.Text("host", broker.Host);
            broker.Port = read.Number("port", broker.Port);
            broker.Tls = read.Flag("tls", broker.Tls);
            broker.CaCertificate = read.Text("ca_certificate", null);
            broker.UserName = read.Text("username", null); // U+0000 refused there [MQTT-1.5.3-2]
            broker.Password = read.Text("password", null);
            if (broker.Tls && broker.CaCertificate == null)
            {
                throw read.Refuse("ca_certificate", "required when tls is true (the PEM text of the CA that signed the broker's certificate)");
            }

            if (broker.Password != null && broker.UserName == null)
            {
                // A CONNECT may carry a password only together with a user name [MQTT-3.1.2-22].
                throw read.Refuse("password", "given without a username (MQTT sends a password only with a user name)");
            }

            return broker;
        }

        static I2cBusConfig I2cBus(ConfigObject read, ArrayList siblings)
        {
            I2cBusConfig bus = new I2cBusConfig();
            bus.Bus = read.Number("bus", bus.Bus);
            bus.SdaPin = read.Number("sda", bus.SdaPin);
            bus.SclPin = read.Number("scl", bus.SclPin);

            // SDA and SCL are open-drain lines the controller pulls low: both need an output.
            read.CheckGpio("sda", bus.SdaPin, "I2C");
            read.CheckGpio("scl", bus.SclPin, "I2C");
            read.ClaimGpio("sda", bus.SdaPin);
            read.ClaimGpio("scl", bus.SclPin);
            for (int index = 0; index < siblings.Count; index++)
            {
                if (((I2cBusConfig)siblings[index]).Bus == bus.Bus)
                {
                    throw read.Refuse("bus", "I2C bus " + bus.Bus.ToString() + " is already declared by " + read.Sibling(index));
                }
            }

            return bus;
        }

        static SensorConfig Sensor(ConfigObject read, ArrayList siblings)
        {
            SensorConfig sensor = new SensorConfig();
            sensor.Kind = (SensorKind)read.Kind;
            sensor.Name = read.Text("name", null);
            sensor.PinEcho = read.Number("pin_echo", sensor.PinEcho);
            sensor.PinTrigger = read.Number("pin_trigger", sensor.PinTrigger);
            sensor.I2cBus = read.Number("bus", sensor.I2cBus);
            string kind = ConfigSchema.SensorKinds[read.Kind];
            if (sensor.Kind == SensorKind.Dht22 || sensor.Kind == SensorKind.Dht11)
            {
                // The DHT driver (Iot.Device.Dhtxx.Esp32) drives the data line with the RMT peripheral through two
                // GPIOs wired together: they must differ, and both drive a level.
                read.CheckGpio("pin_echo", sensor.PinEcho, "a DHT sensor");
                read.CheckGpio("pin_trigger", sensor.PinTrigger, "a DHT sensor");
                if (sensor.PinEcho == sensor.PinTrigger)
                {
                    throw read.Refuse("pin_trigger", "must differ from pin_echo (a DHT needs two GPIOs), both are " + sensor.PinEcho.ToString());
                }

                read.ClaimGpio("pin_echo", sensor.PinEcho);
                read.ClaimGpio("pin_trigger", sensor.PinTrigger);
            }
            else
            {
                // The two addresses each chip can be strapped to (SHT3x: ADDR pin low/high; BME280: SDO low/high).
                int first = sensor.Kind == SensorKind.Sht3x ? 0x44 : 0x76;
                string expected = "an I2C address " + ConfigText.Hex(first) + " or " + ConfigText.Hex(first + 1) + " for " + kind;
                object address = read.Value("address");
                if (address == null)
                {
                    throw read.Refuse("address", "missing (" + expected + ")");
                }

                sensor.Address = (int)address;
                if (sensor.Address != first && sensor.Address != first + 1)
                {
                    throw read.Refuse("address", "expected " + expected + ", got " + ConfigText.Hex(sensor.Address));
                }

                // Two chips on one address would garble each other's answers.
                read.Reader.Claim(read.PathOf("address"), ConfigReader.AddressSlot(sensor.I2cBus, sensor.Address), read.Path,
                    "I2C address " + ConfigText.Hex(sensor.Address) + " on bus " + sensor.I2cBus.ToString());
            }

            for (int index = 0; index < siblings.Count; index++)
            {
                if (((SensorConfig)siblings[index]).Name == sensor.Name)
                {
                    throw read.Refuse("name", ConfigText.Quote(sensor.Name) + " is already the name of " + read.Sibling(index));
                }
            }

            return sensor;
        }

        static ActuatorConfig Actuator(ConfigObject read, ArrayList siblings)
        {
            ActuatorConfig actuator = new ActuatorConfig();
            actuator.Kind = (ActuatorKind)read.Kind;
            actuator.Name = read.Text("name", null);
            actuator.Pin = read.Number("pin", actuator.Pin);
            actuator.ActiveLow = read.Flag("active_low", actuator.ActiveLow);
            actuator.FrequencyHz = read.Number("frequency_hz", actuator.FrequencyHz);
            read.CheckGpio("pin", actuator.Pin, "an actuator");
            read.ClaimGpio("pin", actuator.Pin);

            // safe_state as written (a quoted string, a number's text, or a literal) and its integer value, if it has one.
            object[] safeState = (object[])read.Value("safe_state");
            if (safeState != null && actuator.Kind == ActuatorKind.Relay)
            {
                string written = (string)safeState[0];
                if (written != "\"on\"" && written != "\"off\"")
                {
                    throw read.Refuse("safe_state", "expected \"on\" or \"off\" for a relay, got " + written);
                }

                actuator.SafeOn = written == "\"on\"";
            }
            else if (safeState != null)
            {
                object percent = safeState[1];
                if (percent == null || (int)percent < 0 || (int)percent > 100)
                {
                    throw read.Refuse("safe_state", "expected a duty cycle from 0 to 100 (percent) for pwm, got " + (string)safeState[0]);
                }

                actuator.SafePercent = (int)percent;
            }

            for (int index = 0; index < siblings.Count; index++)
            {
                if (((ActuatorConfig)siblings[index]).Name == actuator.Name)
                {
                    throw read.Refuse("name", ConfigText.Quote(actuator.Name) + " is already the name of " + read.Sibling(index));
                }
            }

            return actuator;
        }

        /// <summary>An array member's elements as the model's array type; <paramref name="absent"/> when left out.</summary>
        static Array Elements(ConfigObject read, string name, Type type, Array absent)
        {
            ArrayList elements = (ArrayList)read.Value(name);
            return elements == null ? absent : elements.ToArray(type);
        }
    }
}
