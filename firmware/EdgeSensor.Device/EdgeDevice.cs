using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device
{
    /// <summary>
    /// What a board in the field does (docs/device-topics.md, v1): announces itself after every connect, samples its
    /// sensors and publishes telemetry on schedule, and applies commands to its actuators.
    /// <para>
    /// One loop does the work: the host calls <see cref="Tick"/> and waits (<see cref="WaitForWork"/>) for what it
    /// returns. MQTT callbacks arrive on the client's I/O thread, which holds the session's lock: they only queue
    /// commands and wake the loop, so every publish happens on the loop's thread and the two locks are never
    /// taken in opposite orders. Sensors are read in two steps (start, collect), so a slow one does not hold up
    /// commands, and keepalive is the I/O thread's business.
    /// </para>
    /// </summary>
    public sealed class EdgeDevice : IMqttSessionHandler
    {
        const int CommandQueueSize = 16;
        const int RetryMs = 100;
        static readonly byte[] Online = DeviceTopics.Utf8("online");
        static readonly byte[] Offline = DeviceTopics.Utf8("offline");

        readonly DeviceConfig config;
        readonly string firmwareVersion;
        readonly ISensor[] sensors;
        readonly Actuator[] actuators;
        readonly DeviceTopics topics;
        readonly CommandQueue commands = new CommandQueue(CommandQueueSize);
        readonly TelemetryDocument telemetry;
        readonly SensorReadings readings;
        readonly HomeAssistantDiscovery discovery;
        readonly AutoResetEvent work = new AutoResetEvent(false);
        readonly JsonWriter json = new JsonWriter();
        readonly byte[] document;
        readonly byte[] smallDocument = new byte[256];
        readonly byte[] statePayload = new byte[8];
        readonly byte[] commandPayload = new byte[CommandPayload.MaxLength];
        readonly byte[] commandName = new byte[CommandPayload.MaxLength];
        readonly bool[] stateDirty;
        readonly MqttQos telemetryQos;
        readonly long intervalMs;

        IMqttLink link;
        long bootAt = -1;
        long sequence;
        long nextSampleAt;
        long collectAt;
        bool sampling;
        readonly bool[] started;
        int connectGeneration;
        int announcedGeneration;
        int announcement;
        bool bootReported;
        int reportedOverflows;

        public EdgeDevice(DeviceConfig config, string firmwareVersion, ISensor[] sensors, Actuator[] actuators)
        {
            this.config = config;
            this.firmwareVersion = firmwareVersion;
            this.sensors = sensors;
            this.actuators = actuators;
            topics = new DeviceTopics(config.Prefix, config.Id, actuators);
            telemetry = new TelemetryDocument(sensors);
            readings = new SensorReadings(sensors, config.FailureEventAfter);
            discovery = new HomeAssistantDiscovery(config, firmwareVersion, topics, sensors, actuators);
            stateDirty = new bool[actuators.Length];
            started = new bool[sensors.Length];
            document = new byte[512 + 256 * sensors.Length];
            telemetryQos = config.TelemetryQos == 0 ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce;
            intervalMs = config.TelemetryIntervalSeconds * 1000L;
        }

        public DeviceTopics Topics { get { return topics; } }

        /// <summary>Reported in <c>info</c>; set by the host once the network is up.</summary>
        public string IpAddress { get; set; }

        public long TelemetryPublished { get; private set; }

        /// <summary>Telemetry documents not handed to MQTT (no connection at QoS 0, outbox full at QoS 1): <c>seq</c> shows the gap.</summary>
        public long TelemetryDropped { get; private set; }
        public long CommandsApplied { get; private set; }
        public long CommandsRejected { get; private set; }

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
            connect.CleanSession = true;
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

        /// <summary>Connects the device to its MQTT link and subscribes to its commands (the link keeps the subscription across reconnects).</summary>
        public void Attach(IMqttLink mqtt)
        {
            link = mqtt;
            link.Subscribe(topics.CommandFilter, MqttQos.AtLeastOnce);
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
                nextSampleAt = nowMs;
            }
            ApplyCommands();
            bool pending = !PublishStates();
            pending |= !Announce();
            long due = Sample(nowMs);
            if (pending && due > RetryMs) due = RetryMs;
            return due;
        }

        /// <summary>Publishes <c>offline</c> (retained) before a graceful disconnect; the will covers every other ending.</summary>
        public MqttPublishResult PublishOffline()
        {
            return link.Publish(topics.Status, Offline, 0, Offline.Length, MqttQos.AtLeastOnce, true);
        }

        void ApplyCommands()
        {
            int actuator, payloadLength, nameLength;
            CommandRejection rejection;
            while (commands.TryDequeue(out actuator, out rejection, commandPayload, out payloadLength, commandName, out nameLength))
            {
                if (rejection == CommandRejection.None) rejection = actuators[actuator].Apply(commandPayload, 0, payloadLength);
                if (rejection == CommandRejection.None)
                {
                    CommandsApplied++;
                    stateDirty[actuator] = true;
                    continue;
                }
                CommandsRejected++;
                json.Reset(smallDocument, 0);
                DeviceEvents.CommandRejected(json, commandName, nameLength, rejection);
                PublishEvent();
            }
            int overflows = commands.Overflows;
            if (overflows == reportedOverflows) return;
            CommandsRejected += overflows - reportedOverflows;
            json.Reset(smallDocument, 0);
            DeviceEvents.CommandsDropped(json, overflows - reportedOverflows);
            reportedOverflows = overflows;
            PublishEvent();
        }

        /// <summary>The real state of every actuator whose state changed or must be repeated; false while some could not go out.</summary>
        bool PublishStates()
        {
            if (link == null) return true;
            bool done = true;
            for (int i = 0; i < actuators.Length; i++)
            {
                if (!stateDirty[i]) continue;
                int length = actuators[i].WriteState(statePayload, 0);
                if (link.Publish(topics.State[i], statePayload, 0, length, MqttQos.AtLeastOnce, true) == MqttPublishResult.Accepted) stateDirty[i] = false;
                else done = false;
            }
            return done;
        }

        /// <summary>
        /// After every connect: <c>online</c>, <c>info</c>, discovery documents, every actuator's state, and once per
        /// boot a <c>boot</c> event. Resumes where it stopped when the outbox was full; false while unfinished.
        /// </summary>
        bool Announce()
        {
            int generation = Interlocked.CompareExchange(ref connectGeneration, 0, 0);
            if (link == null || generation == 0) return true;
            if (generation != announcedGeneration)
            {
                announcedGeneration = generation;
                announcement = 0;
                for (int i = 0; i < stateDirty.Length; i++) stateDirty[i] = true;
            }
            int discoveryCount = config.HomeAssistantDiscovery ? discovery.Count : 0;
            int total = 2 + discoveryCount + 1;
            while (announcement < total)
            {
                MqttPublishResult result;
                if (announcement == 0)
                {
                    result = link.Publish(topics.Status, Online, 0, Online.Length, MqttQos.AtLeastOnce, true);
                }
                else if (announcement == 1)
                {
                    json.Reset(document, 0);
                    InfoDocument.Write(json, config, firmwareVersion, IpAddress, sensors, actuators);
                    result = Publish(topics.Info, true);
                }
                else if (announcement < 2 + discoveryCount)
                {
                    json.Reset(document, 0);
                    discovery.Write(json, announcement - 2);
                    result = Publish(discovery.Topics[announcement - 2], true);
                }
                else if (!bootReported)
                {
                    json.Reset(smallDocument, 0);
                    DeviceEvents.Boot(json, firmwareVersion);
                    result = link.Publish(topics.Event, smallDocument, 0, json.Length, MqttQos.AtLeastOnce, false);
                    if (result == MqttPublishResult.Accepted) bootReported = true;
                }
                else
                {
                    result = MqttPublishResult.Accepted;
                }
                if (result == MqttPublishResult.OutboxFull || result == MqttPublishResult.SendBufferFull) return false;
                if (result == MqttPublishResult.NotConnected) return true;
                announcement++; // accepted, or refused for good (too large): either way, on to the next
            }
            return PublishStates();
        }

        /// <summary>Starts a sampling round when one is due, collects it when the sensors are ready; returns ms until the next step.</summary>
        long Sample(long now)
        {
            if (!sampling && now >= nextSampleAt)
            {
                long wait = 0;
                for (int i = 0; i < sensors.Length; i++)
                {
                    int ms = sensors[i].Start(now);
                    started[i] = ms >= 0;
                    if (ms > wait) wait = ms;
                }
                collectAt = now + wait;
                sampling = true;
                nextSampleAt += intervalMs;
                if (nextSampleAt <= now) nextSampleAt = now + intervalMs; // fell behind (the host slept): skip, don't burst
            }
            if (sampling && now >= collectAt)
            {
                sampling = false;
                for (int i = 0; i < sensors.Length; i++)
                {
                    bool ok = started[i] && sensors[i].Collect(readings.Values[i], 0);
                    SensorEvent happened = readings.Record(i, ok);
                    if (happened == SensorEvent.None) continue;
                    json.Reset(smallDocument, 0);
                    DeviceEvents.Sensor(json, happened, sensors[i].Name, readings.ConsecutiveErrors[i]);
                    PublishEvent();
                }
                PublishTelemetry(now);
            }
            long due = (sampling ? collectAt : nextSampleAt) - now;
            return due > 0 ? due : 0;
        }

        void PublishTelemetry(long now)
        {
            sequence++;
            json.Reset(document, 0);
            telemetry.Write(json, sequence, (now - bootAt) / 1000, readings);
            if (link != null && Publish(topics.Telemetry, false, telemetryQos) == MqttPublishResult.Accepted) TelemetryPublished++;
            else TelemetryDropped++;
        }

        void PublishEvent()
        {
            if (link == null || json.Overflowed) return;
            link.Publish(topics.Event, smallDocument, 0, json.Length, MqttQos.AtLeastOnce, false);
        }

        MqttPublishResult Publish(byte[] topic, bool retain)
        {
            return Publish(topic, retain, MqttQos.AtLeastOnce);
        }

        MqttPublishResult Publish(byte[] topic, bool retain, MqttQos qos)
        {
            if (json.Overflowed) return MqttPublishResult.TooLarge;
            return link.Publish(topic, document, 0, json.Length, qos, retain);
        }

        void IMqttSessionHandler.OnConnected(bool sessionPresent)
        {
            Interlocked.Increment(ref connectGeneration);
            work.Set();
        }

        void IMqttSessionHandler.OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
        {
            work.Set();
        }

        void IMqttSessionHandler.OnMessage(MqttMessage message)
        {
            if (!message.IsFirstChunk) return; // an oversized command is judged (and rejected) on its first chunk
            int nameOffset, nameLength;
            int actuator = topics.MatchCommand(message.Buffer, message.TopicOffset, message.TopicLength, out nameOffset, out nameLength);
            if (nameOffset < 0) return; // not a command topic
            commands.Enqueue(actuator, message, nameOffset, nameLength);
            work.Set();
        }

        void IMqttSessionHandler.OnSubscribeResult(int subscriptionIndex, int returnCode)
        {
        }
    }
}
