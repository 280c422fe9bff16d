using System.Threading;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Commands;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Documents;
using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Device.Settings;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>
/// What a board in the field does (docs/device-topics.md, v1): announces itself after every connect, samples its
/// sensors and publishes telemetry on schedule, applies commands to its actuators, and runs with the settings of
/// the desired settings document once it is checked.
/// <para>
/// One loop does the work: the host calls <see cref="Tick"/> and waits (<see cref="WaitForWork"/>) for what it
/// returns. MQTT callbacks arrive on the client's I/O thread, which holds the session's lock: they only queue
/// commands and settings documents and wake the loop, so every publish happens on the loop's thread and the two
/// locks are never taken in opposite orders. Sensors are read in two steps (start, collect), so a slow one does not hold up
/// commands, and keepalive is the I/O thread's business.
/// </para>
/// </summary>
public sealed partial class EdgeDevice : IMqttSessionHandler
{
    const int CommandQueueSize = 16;
    const int RetryMs = 100;
    static readonly byte[] Online = DeviceTopics.Utf8("online");
    static readonly byte[] Offline = DeviceTopics.Utf8("offline");
    static readonly byte[] Deaf = DeviceTopics.Utf8("deaf");

    /// <summary>The configuration compiled into the firmware, and the one the device runs with (a settings document's).</summary>
    readonly DeviceConfig compiledIn;
    DeviceConfig config;
    readonly string firmwareVersion;
    readonly ISensor[] sensors;
    readonly Actuator[] actuators;
    readonly DeviceTopics topics;
    readonly CommandQueue commands = new CommandQueue(CommandQueueSize);
    readonly SensorReadings readings;
    readonly byte[][] discoveryTopics;
    readonly AutoResetEvent work = new AutoResetEvent(false);
    readonly JsonWriter json = new JsonWriter();
    readonly byte[] document;
    readonly byte[] smallDocument = new byte[256];
    readonly byte[] statePayload = new byte[8];
    readonly byte[] command = new byte[CommandQueue.SlotLength];
    readonly bool[] stateDirty;
    readonly SettingsInbox settings = new SettingsInbox();

    // The settings that vary by sensor and actuator, by index, as the running configuration has them.
    readonly bool[] sensorOn;
    readonly int[] sensorChange;
    readonly ActuatorConfig[] compiledActuators;

    /// <summary>Outputs a command moved since boot: the others stay at their safe state, and follow it when settings change it.</summary>
    readonly bool[] commanded;

    IMqttLink link;
    long bootAt = -1;
    long sequence;
    long nextSampleAt;
    long nextReportAt;
    long roundAt;
    long samplePeriodMs;
    long reportPeriodMs;
    long collectAt;
    bool sampling;
    readonly bool[] started;

    // What the last telemetry said of each sensor: a change threshold is measured from it.
    readonly bool[] reportedOk;
    readonly double[][] reportedValues;

    /// <summary>The next retained document to publish (info, discovery, reported settings): a connect or new settings start them again.</summary>
    int documentNext;

    /// <summary>Discovery documents were published: when settings turn discovery off, they are removed.</summary>
    bool discoveryShown;
    int connectGeneration;
    int announcedGeneration;
    int announcement;
    bool bootReported;
    int reportedOverflows;
    long telemetryPublished;

    // Why the device was offline, told after the reconnect: the MqttError that ended the connection (bits 0-7), the
    // last failed attempt after it (8-15) and the CONNACK code of the last refusal (16-23). The I/O thread collects
    // it as failures come and, at each connect, hands it to that connect's announcement.
    int offline;
    int offlineReport;

    /// <summary>The connect generation whose SUBACK refused the command filter: that connect is deaf.</summary>
    int refusedGeneration;
    int commandSubscription = -1;

    public EdgeDevice(DeviceConfig config, string firmwareVersion, ISensor[] sensors, Actuator[] actuators)
    {
        this.config = compiledIn = config;
        this.firmwareVersion = firmwareVersion;
        this.sensors = sensors;
        this.actuators = actuators;
        topics = new DeviceTopics(config.Prefix, config.Id, actuators);
        readings = new SensorReadings(sensors, config.FailureEventAfter);
        discoveryTopics = HomeAssistantDiscovery.Topics(config, sensors, actuators);
        stateDirty = new bool[actuators.Length];
        started = new bool[sensors.Length];
        document = new byte[512 + 256 * (sensors.Length + actuators.Length)];
        sensorOn = new bool[sensors.Length];
        sensorChange = new int[sensors.Length];
        reportedOk = new bool[sensors.Length];
        reportedValues = new double[sensors.Length][];
        for (int i = 0; i < sensors.Length; i++) reportedValues[i] = new double[sensors[i].Quantities.Length];
        compiledActuators = new ActuatorConfig[actuators.Length];
        for (int i = 0; i < actuators.Length; i++) compiledActuators[i] = actuators[i].Config;
        commanded = new bool[actuators.Length];
        Configure(config);
    }

    /// <summary>Reported in <c>info</c>; set by the host once the network is up (and again when it changes).</summary>
    public string IpAddress;

    /// <summary>Telemetry documents handed to MQTT; those that were not (no connection at QoS 0, outbox full at QoS 1) leave a gap in <c>seq</c>.</summary>
    public long TelemetryPublished => telemetryPublished;

    /// <summary>Drives every actuator to its configured safe state: call at boot, before any network.</summary>
    public void ApplySafeStates()
    {
        for (int i = 0; i < actuators.Length; i++) actuators[i].ApplySafeState();
    }

    /// <summary>CONNECT for this device: its id, keepalive, credentials, and the will that announces it offline.</summary>
    public MqttConnectOptions CreateConnectOptions()
    {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.ClientId = config.Id;
        // A battery board keeps its session on the broker while it sleeps, and with it the commands sent meanwhile [MQTT-3.1.2-4].
        connect.CleanSession = !config.Battery;
        connect.KeepAliveSeconds = config.KeepAliveSeconds;
        connect.UserName = config.Broker.UserName;
        if (config.Broker.Password != null) connect.Password = DeviceTopics.Utf8(config.Broker.Password);
        connect.WillTopic = topics.Base + "/status";
        connect.WillPayload = Offline;
        connect.WillQos = MqttQos.AtLeastOnce;
        connect.WillRetain = true;
        return connect;
    }

    /// <summary>Buffer sizes that fit this device's largest documents and its announcements after a connect.</summary>
    public MqttSessionOptions CreateSessionOptions()
    {
        MqttSessionOptions session = new MqttSessionOptions();
        session.SendBufferSize = 2048;
        session.OutboxSize = 8192;
        return session;
    }

    /// <summary>Connects the device to its MQTT link and subscribes to its commands and desired settings (the link keeps the subscriptions across reconnects).</summary>
    public void Attach(IMqttLink mqtt)
    {
        link = mqtt;
        SubscribeCommands(!timerWake);
        // Not on battery: a board keeps nothing through a deep sleep, so it would need the document anew every wake (docs/battery.md).
        if (!config.Battery) link.Subscribe(topics.DesiredFilter, MqttQos.AtLeastOnce);
    }

    /// <summary>Waits until a callback has work for the loop or <paramref name="timeoutMs"/> passes.</summary>
    public void WaitForWork(int timeoutMs)
    {
        work.WaitOne(timeoutMs, false);
    }

    /// <summary>Applies queued commands, finishes announcements, samples and publishes; returns ms until it is due again.</summary>
    public long Tick(long nowMs)
    {
        if (bootAt < 0)
        {
            bootAt = nowMs;
            nextSampleAt = nextReportAt = nowMs;
        }
        ApplyCommands();
        ApplySettings();
        bool pending = !PublishStates();
        pending |= !Announce();
        long due = Sample(nowMs);
        pending |= !SayAsleep(pending);
        if (pending && due > RetryMs) due = RetryMs;
        return due;
    }

    /// <summary>Publishes <c>offline</c> (retained) before a graceful disconnect; the will covers every other ending.</summary>
    public MqttPublishResult PublishOffline()
        => link.Publish(topics.Status, Offline, 0, Offline.Length, MqttQos.AtLeastOnce, true);

    // MQTT callbacks, on the client's I/O thread: they only queue and wake the loop.

    public void OnConnected(bool sessionPresent)
    {
        offlineReport = offline;
        offline = 0;
        this.sessionPresent = sessionPresent;
        SubscribeCommands(!sessionPresent);
        // The client does not ask again for a refused filter: the device does, once per connect (the ACL may be fixed).
        if (refusedGeneration == connectGeneration && refusedGeneration != 0) link.Subscribe(topics.CommandFilter, MqttQos.AtLeastOnce);
        Interlocked.Increment(ref connectGeneration);
        work.Set();
    }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        if (reason == MqttError.ClosedByClient) return; // asked for: nothing to explain
        int o = offline;
        o = (o & 0xFF) == 0 ? o | (int)reason : (o & ~0xFF00) | (int)reason << 8;
        if (reason == MqttError.ConnectionRefused) o = (o & 0xFFFF) | (int)returnCode << 16;
        offline = o;
        work.Set();
    }

    public void OnMessage(MqttMessage message)
    {
        if (message.TopicEquals(topics.Desired))
        {
            settings.Receive(message);
            if (message.IsLastChunk) work.Set();
            return;
        }
        if (!message.IsFirstChunk) return; // an oversized command is judged (and rejected) on its first chunk
        int nameOffset, nameLength;
        int actuator = topics.MatchCommand(message.Buffer, message.TopicOffset, message.TopicLength, out nameOffset, out nameLength);
        if (nameOffset < 0) return; // not a command topic
        commands.Enqueue(actuator, message, nameOffset, nameLength);
        work.Set();
    }

    /// <summary>Its commands' subscription refused (an ACL mistake), the device is deaf until a connect's SUBACK grants it.</summary>
    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        if (returnCode != MqttSubscribeResult.Failure || subscriptionIndex != commandSubscription) return;
        refusedGeneration = connectGeneration; // a plain read: its only writer, OnConnected, is a callback like this one, under the same session lock
        work.Set();
    }

    /// <summary>The device never unsubscribes.</summary>
    public void OnUnsubscribed(int subscriptionIndex) { }

    /// <summary>A battery board's loop waits for acknowledgements before it sleeps.</summary>
    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
    {
        if (config.Battery) work.Set();
    }
}
