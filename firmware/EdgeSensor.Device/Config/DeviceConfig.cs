using EdgeSensor.Device.Documents;

namespace EdgeSensor.Device.Config;

/// <summary>One device's configuration, read from its JSON document (see hardware/config/).</summary>
public sealed class DeviceConfig
{
    /// <summary>[a-z0-9_-]{1,32}; empty (the default) means "esp32-" + the last 6 hex digits of the MAC on hardware.</summary>
    public string Id = string.Empty;
    public string Board = "esp32-devkitc";
    public string Prefix = "edgesensor";

    public BrokerConfig Broker = new BrokerConfig();
    public WifiConfig Wifi = new WifiConfig();

    public int TelemetryIntervalSeconds = 10;
    public int TelemetryQos = 1;

    /// <summary>How often the sensors are read when some sensor publishes on change; 0 (and anything above the interval) means the interval.</summary>
    public int TelemetryMinIntervalSeconds;
    public int KeepAliveSeconds = 30;

    /// <summary>Consecutive failed reads after which a sensor's failure is reported as an event (once).</summary>
    public int FailureEventAfter = 3;

    /// <summary>power.mode "battery": deep sleep between reports, one report per wake (docs/battery.md).</summary>
    public bool Battery;

    /// <summary>The longest a battery board stays awake in one wake, network or not.</summary>
    public int AwakeLimitSeconds = 30;

    public bool HomeAssistantDiscovery;
    public string HomeAssistantPrefix = "homeassistant";

    public I2cBusConfig[] I2cBuses = new I2cBusConfig[0];
    public SensorConfig[] Sensors = new SensorConfig[0];
    public ActuatorConfig[] Actuators = new ActuatorConfig[0];

    /// <summary>The version of the desired settings document this configuration was read with; 0 for the compiled-in one.</summary>
    public int SettingsVersion;

    /// <summary>A shallow copy: a settings document is read onto a copy of the compiled-in configuration.</summary>
    public DeviceConfig Copy() => (DeviceConfig)MemberwiseClone();
}
