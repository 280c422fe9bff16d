using EdgeSensor.Device.Actuators;

namespace EdgeSensor.Device.Config.Parsing
{
    /// <summary>
    /// Every member of the configuration document (hardware/config/README.md), one row each. A new field is a new
    /// row here, a field in the model, and the line in <see cref="DeviceConfigParser"/> that puts its value there.
    /// The rows of an object are contiguous and in the order messages list them ("known: ...").
    /// </summary>
    internal static class ConfigSchema
    {
        // The objects of the document (sections): the top level, the objects it holds, the elements of its arrays.
        public const int Root = 0;
        public const int Broker = 1;
        public const int Wifi = 2;
        public const int Telemetry = 3;
        public const int HomeAssistant = 4;
        public const int I2c = 5;
        public const int Sensor = 6;
        public const int Actuator = 7;

        /// <summary>The kinds of sensor, in SensorKind's order; ConfigField.Kinds has one bit per kind.</summary>
        public static readonly string[] SensorKinds = new string[] { "dht22", "dht11", "sht3x", "bme280" };

        /// <summary>The kinds of actuator, in ActuatorKind's order.</summary>
        public static readonly string[] ActuatorKinds = new string[] { "relay", "pwm" };

        const int Every = 0;
        const int Dht = 0x3;
        const int I2cChip = 0xC;
        const int Relay = 0x1;
        const int Pwm = 0x2;

        const string DhtPins = "a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger";

        public static readonly ConfigField[] Fields = new ConfigField[]
        {
            // section, name, type, min, max (objects and arrays: the section of their members), kinds that may have it, why it is required
            new ConfigField(Root, "id", ConfigField.Id, 0, 0, Every, null),
            new ConfigField(Root, "board", ConfigField.Label, 0, 0, Every, null),
            new ConfigField(Root, "prefix", ConfigField.Prefix, 0, 0, Every, null),
            new ConfigField(Root, "broker", ConfigField.Object, Broker, 0, Every, null),
            new ConfigField(Root, "wifi", ConfigField.Object, Wifi, 0, Every, null),
            new ConfigField(Root, "telemetry", ConfigField.Object, Telemetry, 0, Every, null),

            // 0 turns keep-alive off, as MQTT defines it [MQTT-3.1.2-24]: allowed, if unwise on Wi-Fi.
            new ConfigField(Root, "keepalive_s", ConfigField.Integer, 0, 65535, Every, null),
            new ConfigField(Root, "failure_event_after", ConfigField.AtLeast, 1, 0, Every, null),
            new ConfigField(Root, "homeassistant", ConfigField.Object, HomeAssistant, 0, Every, null),
            new ConfigField(Root, "i2c", ConfigField.Array, I2c, 0, Every, null),
            new ConfigField(Root, "sensors", ConfigField.Array, Sensor, 0, Every, null),
            new ConfigField(Root, "actuators", ConfigField.Array, Actuator, 0, Every, null),

            new ConfigField(Broker, "host", ConfigField.Host, 0, 0, Every, null),
            new ConfigField(Broker, "port", ConfigField.Integer, 1, 65535, Every, null),
            new ConfigField(Broker, "tls", ConfigField.Flag, 0, 0, Every, null),
            new ConfigField(Broker, "ca_certificate", ConfigField.Pem, 0, 0, Every, null),
            new ConfigField(Broker, "username", ConfigField.Text, 0, 0, Every, null),
            new ConfigField(Broker, "password", ConfigField.Text, 0, 0, Every, null),

            new ConfigField(Wifi, "ssid", ConfigField.Ssid, 0, 0, Every, null),
            new ConfigField(Wifi, "password", ConfigField.Passphrase, 0, 0, Every, null),

            new ConfigField(Telemetry, "interval_s", ConfigField.Integer, 1, 86400, Every, null),

            // QoS 2 is not offered: its four-packet exchange buys nothing for periodic readings.
            new ConfigField(Telemetry, "qos", ConfigField.Integer, 0, 1, Every, null),

            new ConfigField(HomeAssistant, "discovery", ConfigField.Flag, 0, 0, Every, null),
            new ConfigField(HomeAssistant, "prefix", ConfigField.Prefix, 0, 0, Every, null),

            new ConfigField(I2c, "bus", ConfigField.Integer, 1, 2, Every, null),
            new ConfigField(I2c, "sda", ConfigField.Pin, 0, 0, Every, null),
            new ConfigField(I2c, "scl", ConfigField.Pin, 0, 0, Every, null),

            new ConfigField(Sensor, "kind", ConfigField.Kind, 0, 0, Every, "one of dht22, dht11, sht3x, bme280"),
            new ConfigField(Sensor, "name", ConfigField.Key, 0, 0, Every, "its key in telemetry: " + ConfigRules.LabelRule),
            new ConfigField(Sensor, "pin_echo", ConfigField.Pin, 0, 0, Dht, DhtPins),
            new ConfigField(Sensor, "pin_trigger", ConfigField.Pin, 0, 0, Dht, DhtPins),
            new ConfigField(Sensor, "bus", ConfigField.Integer, 1, 2, I2cChip, null),
            new ConfigField(Sensor, "address", ConfigField.Address, 0, 0, I2cChip, null),

            new ConfigField(Actuator, "kind", ConfigField.Kind, 0, 0, Every, "relay or pwm"),
            new ConfigField(Actuator, "name", ConfigField.Key, 0, 0, Every, "its name in cmd/<name> and state/<name>: " + ConfigRules.LabelRule),
            new ConfigField(Actuator, "pin", ConfigField.Pin, 0, 0, Every, "the GPIO that drives it"),
            new ConfigField(Actuator, "active_low", ConfigField.Flag, 0, 0, Relay, null),
            new ConfigField(Actuator, "safe_state", ConfigField.SafeState, 0, 0, Every, null),
            new ConfigField(Actuator, "frequency_hz", ConfigField.Integer, 1, 40000, Pwm, null),
        };

        /// <summary>The kinds an element of the section can be; null for sections without kinds.</summary>
        public static string[] KindsOf(int section)
        {
            return section == Sensor ? SensorKinds : section == Actuator ? ActuatorKinds : null;
        }

        /// <summary>"kind, name, pin_echo, pin_trigger": the members of the section, or those an element of the kind may have (kind -1: all).</summary>
        public static string Known(int section, int kind)
        {
            string list = null;
            for (int row = 0; row < Fields.Length; row++)
            {
                ConfigField field = Fields[row];
                if (field.Section == section && (kind < 0 || field.AllowedFor(kind)))
                {
                    list = list == null ? field.Name : list + ", " + field.Name;
                }
            }

            return list;
        }
    }
}
