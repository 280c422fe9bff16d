namespace EdgeSensor.Device.Config;

public sealed class ActuatorConfig
{
    public ActuatorKind Kind;

    /// <summary>Its name in <c>cmd/&lt;name&gt;</c> and <c>state/&lt;name&gt;</c>, [a-z0-9_-]{1,32}.</summary>
    public string Name;
    public int Pin = -1;

    /// <summary>Relay modules that switch on a low level (most opto-isolated boards).</summary>
    public bool ActiveLow;

    /// <summary>The state at boot, before any network: relays off unless said otherwise.</summary>
    public bool SafeOn;
    public int SafePercent;
    public int FrequencyHz = 1000;

    /// <summary>What Home Assistant calls it; null: its name.</summary>
    public string DisplayName;

    public ActuatorConfig Copy() => (ActuatorConfig)MemberwiseClone();
}
