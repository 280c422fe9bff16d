using EdgeSensor.Device.Config;

namespace EdgeSensor.Device.Actuators;

/// <summary>
/// An output an operator drives through <c>cmd/&lt;name&gt;</c>. It keeps the state it really applied, which is
/// what <c>state/&lt;name&gt;</c> reports.
/// </summary>
public abstract class Actuator
{
    /// <summary>What the subclasses read their wiring and safe state from; replaced (same wiring) by settings documents.</summary>
    protected ActuatorConfig config;

    protected Actuator(ActuatorConfig config)
    {
        this.config = config;
    }

    public string Name => config.Name;

    /// <summary>The configured kind, which chose the subclass (BoardActuators, SimulatedActuators).</summary>
    public ActuatorKind Kind => config.Kind;

    /// <summary>What Home Assistant calls it: its display name, or else its name.</summary>
    public string DisplayName => config.DisplayName ?? config.Name;

    /// <summary>Its configuration now: the compiled-in one, or a copy a settings document changed.</summary>
    public ActuatorConfig Config
    {
        get => config;
        internal set => config = value;
    }

    /// <summary>Drives the output to its configured safe state: at boot, before any network.</summary>
    public abstract void ApplySafeState();

    /// <summary>
    /// Applies a command payload (already checked to be short, valid UTF-8, trimmed). Returns
    /// CommandRejection.None when applied; anything else leaves the output unchanged.
    /// </summary>
    public abstract CommandRejection Apply(byte[] payload, int offset, int count);

    /// <summary>Writes the state payload (<c>ON</c>/<c>OFF</c>, or the percent) and returns its length.</summary>
    public abstract int WriteState(byte[] buffer, int offset);
}
