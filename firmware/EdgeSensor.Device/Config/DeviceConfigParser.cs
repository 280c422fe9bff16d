using System;

namespace EdgeSensor.Device
{
    /// <summary>
    /// Reads a device's configuration document (hardware/config/README.md describes every field) and checks it
    /// completely: a document that parses is one the device can run with. Anything else is a
    /// <see cref="ConfigException"/> naming the field and the problem. Members may come in any order; unknown
    /// members are refused (a misspelt field would otherwise be silently ignored); absent optional members keep
    /// the model's defaults. Runs once at boot: it allocates freely, but never recurses over the document.
    /// </summary>
    public static class DeviceConfigParser
    {
        const int Id = 0;
        const int Board = 1;
        const int Prefix = 2;
        const int Broker = 3;
        const int Wifi = 4;
        const int Telemetry = 5;
        const int KeepAlive = 6;
        const int FailureEventAfter = 7;
        const int HomeAssistant = 8;
        const int I2c = 9;
        const int Sensors = 10;

        static readonly string[] Names = new string[]
        {
            "id", "board", "prefix", "broker", "wifi", "telemetry", "keepalive_s", "failure_event_after",
            "homeassistant", "i2c", "sensors", "actuators",
        };

        static readonly string[] TelemetryNames = new string[] { "interval_s", "qos" };
        static readonly string[] HomeAssistantNames = new string[] { "discovery", "prefix" };

        const int MaxTelemetryIntervalSeconds = 86400;
        const int MaxKeepAliveSeconds = 65535;

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

            ConfigValueReader values = new ConfigValueReader(json, offset, count);
            DeviceConfig config = new DeviceConfig();
            PinAssignments pins = new PinAssignments();
            I2cAddressAssignments addresses = new I2cAddressAssignments();

            values.ReadRoot();
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(ConfigPath.Root, Names, ref seen, out member, out field))
            {
                switch (member)
                {
                    case Id:
                        config.Id = values.ReadString(field);
                        if (config.Id.Length != 0 && !ConfigRules.IsName(config.Id))
                        {
                            throw new ConfigException(field, ConfigRules.NameRule
                                + ", or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got " + ConfigEcho.Quote(config.Id));
                        }

                        break;
                    case Board:
                        config.Board = values.ReadString(field);
                        ConfigRules.CheckName(field, config.Board);
                        break;
                    case Prefix:
                        config.Prefix = values.ReadString(field);
                        ConfigRules.CheckTopicPrefix(field, config.Prefix);
                        break;
                    case Broker:
                        config.Broker = BrokerConfigReader.Read(values, field);
                        break;
                    case Wifi:
                        config.Wifi = WifiConfigReader.Read(values, field);
                        break;
                    case Telemetry:
                        ReadTelemetry(values, field, config);
                        break;
                    case KeepAlive:
                        // 0 turns keep-alive off, as MQTT defines it [MQTT-3.1.2-24]: allowed, if unwise on Wi-Fi.
                        config.KeepAliveSeconds = values.ReadInteger(field, 0, MaxKeepAliveSeconds);
                        break;
                    case FailureEventAfter:
                        config.FailureEventAfter = values.ReadInteger(field);
                        if (config.FailureEventAfter < 1)
                        {
                            throw new ConfigException(field, "expected an integer of at least 1, got " + config.FailureEventAfter.ToString());
                        }

                        break;
                    case HomeAssistant:
                        ReadHomeAssistant(values, field, config);
                        break;
                    case I2c:
                        config.I2cBuses = I2cBusConfigReader.ReadAll(values, field, pins);
                        break;
                    case Sensors:
                        config.Sensors = SensorConfigReader.ReadAll(values, field, pins, addresses);
                        break;
                    default:
                        config.Actuators = ActuatorConfigReader.ReadAll(values, field, pins);
                        break;
                }
            }

            values.ReadEnd();

            // The i2c array may come after the sensors that use its buses: checked once both are known.
            CheckSensorBusesDeclared(config);
            return config;
        }

        public static DeviceConfig Parse(byte[] json)
        {
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }

            return Parse(json, 0, json.Length);
        }

        static void ReadTelemetry(ConfigValueReader values, string path, DeviceConfig config)
        {
            values.RequireObject(path);
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, TelemetryNames, ref seen, out member, out field))
            {
                if (member == 0)
                {
                    config.TelemetryIntervalSeconds = values.ReadInteger(field, 1, MaxTelemetryIntervalSeconds);
                }
                else
                {
                    // QoS 2 is not offered: its four-packet exchange buys nothing for periodic readings.
                    config.TelemetryQos = values.ReadInteger(field, 0, 1);
                }
            }
        }

        static void ReadHomeAssistant(ConfigValueReader values, string path, DeviceConfig config)
        {
            values.RequireObject(path);
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, HomeAssistantNames, ref seen, out member, out field))
            {
                if (member == 0)
                {
                    config.HomeAssistantDiscovery = values.ReadBoolean(field);
                }
                else
                {
                    config.HomeAssistantPrefix = values.ReadString(field);
                    ConfigRules.CheckTopicPrefix(field, config.HomeAssistantPrefix);
                }
            }
        }

        static void CheckSensorBusesDeclared(DeviceConfig config)
        {
            for (int index = 0; index < config.Sensors.Length; index++)
            {
                SensorConfig sensor = config.Sensors[index];
                if (!SensorConfigReader.IsI2c(sensor.Kind))
                {
                    continue;
                }

                bool declared = false;
                for (int bus = 0; bus < config.I2cBuses.Length; bus++)
                {
                    declared |= config.I2cBuses[bus].Bus == sensor.I2cBus;
                }

                if (!declared)
                {
                    throw new ConfigException(ConfigPath.Member(ConfigPath.Element(Names[Sensors], index), "bus"),
                        "I2C bus " + sensor.I2cBus.ToString() + " is not declared in i2c (which pins it uses)");
                }
            }
        }
    }
}
