using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>
/// Battery mode (config <c>power.mode</c> "battery", docs/battery.md): every wake is a boot, and the broker's persistent
/// session is the board's memory. A timer wake that finds its session on the broker says nothing but its report:
/// telemetry, the states its commands changed, and <c>asleep T</c> on <c>status</c>.
/// </summary>
public sealed partial class EdgeDevice
{
    static readonly byte[] NoPayload = new byte[0];

    // Set once by Wake, before Attach.
    bool timerWake;
    byte[] asleep = NoPayload;

    bool sessionPresent;
    bool commandsSubscribed;
    bool asleepSaid;
    bool reported;

    /// <summary>
    /// Battery mode: starts a wake. <paramref name="timerWake"/> when the board woke from its deep sleep (not a power-on
    /// or reset); <paramref name="utcSeconds"/> is the wall clock (Unix seconds), from which the wake's
    /// <c>asleep T</c> status is written: T, when the next report is due at the latest, is one interval plus the awake
    /// limit away. Call before <see cref="Attach"/>.
    /// </summary>
    public void Wake(bool timerWake, long utcSeconds)
    {
        this.timerWake = timerWake;
        bootReported = timerWake; // the boot event is for a power-on or a reset, not for every wake
        long due = utcSeconds + config.TelemetryIntervalSeconds + config.AwakeLimitSeconds;
        asleep = DeviceTopics.Utf8("asleep " + due.ToString());
    }

    /// <summary>
    /// Battery mode: the wake's work is done (connected, announced, reported, every command applied and its state
    /// handed to MQTT); the host still waits for the broker's acknowledgements before it disconnects.
    /// </summary>
    public bool ReadyToSleep
        => reported && announcedGeneration == Interlocked.CompareExchange(ref connectGeneration, 0, 0) && !CommandsWaiting;

    /// <summary>Commands received and not applied yet: received before a DISCONNECT, they were acknowledged and must be applied.</summary>
    public bool CommandsWaiting => commands.Count != 0;

    /// <summary>A timer wake whose broker kept the session: subscription, queued commands and retained documents are all there.</summary>
    bool QuietConnect => config.Battery && timerWake && sessionPresent;

    /// <summary>The command filter, unless a timer wake expects the broker's session to hold it (then only a CONNACK without session asks for it).</summary>
    void SubscribeCommands(bool needed)
    {
        if (!needed || commandsSubscribed || link == null) return;
        commandsSubscribed = true;
        commandSubscription = link.Subscribe(topics.CommandFilter, MqttQos.AtLeastOnce);
    }

    /// <summary>
    /// After the wake's telemetry, and again after any status the announcement published: <c>asleep T</c>, retained,
    /// so that the last word on <c>status</c> is when to expect the board. Notes whether the wake's work is done.
    /// </summary>
    bool SayAsleep(bool pending)
    {
        if (!config.Battery || link == null) return true;
        // Nothing to report yet, or a cold boot that has not said online yet (asleep follows it).
        bool early = sequence == 0 || (!timerWake && announcedGeneration == 0);
        bool said = asleepSaid || early
            || (asleepSaid = link.Publish(topics.Status, asleep, 0, asleep.Length, MqttQos.AtLeastOnce, true) == MqttPublishResult.Accepted);
        reported = said && !early && !pending && !sampling && announcedGeneration != 0;
        return said;
    }
}
