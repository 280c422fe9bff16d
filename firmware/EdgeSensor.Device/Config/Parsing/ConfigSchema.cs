using EdgeSensor.Device.Actuators;

using static EdgeSensor.Device.Config.Parsing.ConfigField;

namespace EdgeSensor.Device.Config.Parsing;

/// <summary>
/// Every member of the configuration document (hardware/config/README.md), one row each: a new field is a new
/// row here and the model field it names. Rules that involve several members (a password needs a user name, a
/// pin is used once) are <see cref="DeviceConfigParser"/>'s. The rows of an object are contiguous and in the
/// order refusals list them ("known: ..."). A row's remote flag says whether a desired settings document may
/// hold it: what could cut the board off or rewire it (Wi-Fi, broker, credentials, id, pins) may not.
/// </summary>
static class ConfigSchema
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
    public const int Power = 8;

    /// <summary>The kinds of sensor, in SensorKind's order; ConfigField.Kinds has one bit per kind.</summary>
    public static readonly string[] SensorKinds = new string[] { "dht22", "dht11", "sht3x", "bme280" };

    /// <summary>The kinds of actuator, in ActuatorKind's order.</summary>
    public static readonly string[] ActuatorKinds = new string[] { "relay", "pwm" };

    const int Dht = 0x3;
    const int I2cChip = 0xC;
    const int Relay = 0x1;
    const int Pwm = 0x2;

    const string DhtPins = "a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger";

    public static readonly ConfigField[] Fields = new ConfigField[]
    {
        // section, member, model field (null: placed by the section's rules), type, range or the section of an
        // object's members, the kinds that may have it (0: every kind), why it is required
        new ConfigField(Root, "id", "Id", Id),
        new ConfigField(Root, "board", "Board", Label),
        new ConfigField(Root, "prefix", "Prefix", Prefix),
        new ConfigField(Root, "broker", "Broker", Object, Broker),
        new ConfigField(Root, "wifi", "Wifi", Object, Wifi),
        new ConfigField(Root, "telemetry", null, Object, Telemetry, remote: Both),

        // 0 turns keep-alive off, as MQTT defines it [MQTT-3.1.2-24]: allowed, if unwise on Wi-Fi.
        new ConfigField(Root, "keepalive_s", "KeepAliveSeconds", Integer, 0, 65535),
        new ConfigField(Root, "failure_event_after", "FailureEventAfter", AtLeast, 1),
        new ConfigField(Root, "homeassistant", null, Object, HomeAssistant, remote: Both),
        new ConfigField(Root, "i2c", "I2cBuses", Array, I2c),
        new ConfigField(Root, "sensors", "Sensors", Array, Sensor, remote: Both),
        new ConfigField(Root, "actuators", "Actuators", Array, Actuator, remote: Both),
        new ConfigField(Root, "power", null, Object, Power),

        // A settings document's version; the compiled-in configuration is version 0.
        new ConfigField(Root, "version", "SettingsVersion", Integer, 1, int.MaxValue, remote: RemoteOnly),

        new ConfigField(Broker, "host", "Host", Host),
        new ConfigField(Broker, "port", "Port", Integer, 1, 65535),
        new ConfigField(Broker, "tls", "Tls", Flag),
        new ConfigField(Broker, "ca_certificate", "CaCertificate", Pem),
        new ConfigField(Broker, "username", "UserName", Text),
        new ConfigField(Broker, "password", "Password", Text),

        new ConfigField(Wifi, "ssid", "Ssid", Ssid),
        new ConfigField(Wifi, "password", "Password", Passphrase),

        new ConfigField(Telemetry, "interval_s", "TelemetryIntervalSeconds", Integer, 1, 86400, remote: Both),

        // QoS 2 is not offered: its four-packet exchange buys nothing for periodic readings.
        new ConfigField(Telemetry, "qos", "TelemetryQos", Integer, 0, 1, remote: Both),
        new ConfigField(Telemetry, "min_interval_s", "TelemetryMinIntervalSeconds", Integer, 0, 86400, remote: Both),

        // mode "mains" or "battery", checked by PowerSection; the limit bounds a wake that cannot finish (no network).
        new ConfigField(Power, "mode", null, Text),
        new ConfigField(Power, "awake_limit_s", "AwakeLimitSeconds", Integer, 1, 3600),

        new ConfigField(HomeAssistant, "discovery", "HomeAssistantDiscovery", Flag, remote: Both),
        new ConfigField(HomeAssistant, "prefix", "HomeAssistantPrefix", Prefix),

        new ConfigField(I2c, "bus", "Bus", Integer, 1, 2),
        new ConfigField(I2c, "sda", "SdaPin", Pin),
        new ConfigField(I2c, "scl", "SclPin", Pin),

        new ConfigField(Sensor, "kind", null, Kind, required: "one of dht22, dht11, sht3x, bme280"),
        new ConfigField(Sensor, "name", "Name", Key, required: "its key in telemetry: " + ConfigRules.LabelRule, remote: Both),
        new ConfigField(Sensor, "pin_echo", "PinEcho", Pin, kinds: Dht, required: DhtPins),
        new ConfigField(Sensor, "pin_trigger", "PinTrigger", Pin, kinds: Dht, required: DhtPins),
        new ConfigField(Sensor, "bus", "I2cBus", Integer, 1, 2, I2cChip),
        new ConfigField(Sensor, "address", "Address", Address, kinds: I2cChip),
        new ConfigField(Sensor, "enabled", "Enabled", Flag, remote: Both),
        new ConfigField(Sensor, "change", "Change", Tenths, 0, 10000, remote: Both),

        new ConfigField(Actuator, "kind", null, Kind, required: "relay or pwm"),
        new ConfigField(Actuator, "name", "Name", Key, required: "its name in cmd/<name> and state/<name>: " + ConfigRules.LabelRule, remote: Both),
        new ConfigField(Actuator, "pin", "Pin", Pin, required: "the GPIO that drives it"),
        new ConfigField(Actuator, "active_low", "ActiveLow", Flag, kinds: Relay),
        new ConfigField(Actuator, "safe_state", null, SafeState, remote: Both),
        new ConfigField(Actuator, "frequency_hz", "FrequencyHz", Integer, 1, 40000, Pwm),
        new ConfigField(Actuator, "display_name", "DisplayName", Display, remote: Both),
    };

    /// <summary>The kinds an element of the section can be; null for sections without kinds.</summary>
    public static string[] KindsOf(int section)
        => section == Sensor ? SensorKinds : section == Actuator ? ActuatorKinds : null;

    /// <summary>
    /// "kind, name, pin_echo, pin_trigger": the members of the section, or those an element of the kind may have (kind -1: all),
    /// that a settings document (<paramref name="remote"/>) or the compiled-in configuration may hold.
    /// </summary>
    public static string Known(int section, int kind, bool remote)
    {
        string list = null;
        for (int row = 0; row < Fields.Length; row++)
        {
            ConfigField field = Fields[row];
            if (field.Section == section && (kind < 0 || field.AllowedFor(kind)) && field.AllowedIn(remote))
                list = list == null ? field.Name : list + ", " + field.Name;
        }

        return list;
    }
}
