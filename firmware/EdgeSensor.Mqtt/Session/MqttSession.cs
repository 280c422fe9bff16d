using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session
{
    /// <summary>
    /// The MQTT 3.1.1 client protocol as a state machine with no I/O: bytes in, bytes out, time passed in.
    /// The owner moves bytes between it and a transport and calls <see cref="Tick"/>; the session never
    /// touches a socket, a thread or a clock, so every behaviour can be tested with fake time.
    /// Not thread-safe: the owner serialises calls (the client driver holds one lock).
    /// </summary>
    public sealed partial class MqttSession
    {
        readonly MqttSessionOptions options;
        readonly IMqttSessionHandler handler;
        readonly SendBuffer output;
        readonly Outbox outbox;
        readonly SubscriptionTable subscriptions;
        readonly PendingReleases pendingReleases;

        MqttSessionState state;
        long keepAliveMs;
        long pingTimeoutMs;
        long connectStartedAt;
        long lastSentAt;
        long lastReceivedAt;
        bool pingOutstanding;
        int nextPacketId;

        /// <summary>The next outbox entry to transmit on this connection, or -1 when all are.</summary>
        int transmitCursor = -1;
        int inflight;

        public MqttSession(MqttSessionOptions options, IMqttSessionHandler handler)
        {
            if (options.ReceiveBufferSize < 16 || options.SendBufferSize < 16) throw new ArgumentException("buffers must hold at least 16 bytes");
            if (options.InflightWindow < 1) throw new ArgumentException("InflightWindow must be at least 1");
            this.options = options;
            this.handler = handler;
            output = new SendBuffer(options.SendBufferSize);
            outbox = new Outbox(options.OutboxSize);
            subscriptions = new SubscriptionTable(options.MaxSubscriptions);
            pendingReleases = new PendingReleases(options.MaxPendingReleases);
            receive = new byte[options.ReceiveBufferSize];
        }

        public MqttSessionState State { get { return state; } }

        /// <summary>Why the last connection ended (None while it lasts).</summary>
        public MqttError LastError { get; private set; }

        /// <summary>The CONNACK code when LastError is ConnectionRefused.</summary>
        public MqttConnectReturnCode LastReturnCode { get; private set; }

        /// <summary>QoS 1/2 publishes whose flow completed (PUBACK, or PUBCOMP).</summary>
        public long PublishesCompleted { get; private set; }
        public long MessagesReceived { get; private set; }

        /// <summary>Unreleased QoS 2 identifiers forgotten because the broker opened more than MaxPendingReleases.</summary>
        public long ReleasesForgotten { get { return pendingReleases.Forgotten; } }

        /// <summary>Messages skipped by the Drop policy for large payloads.</summary>
        public long MessagesDropped { get; private set; }

        /// <summary>QoS 1/2 messages in the outbox, transmitted or not.</summary>
        public int OutboxCount { get { return outbox.Count; } }

        public int Inflight { get { return inflight; } }

        /// <summary>
        /// At most half the outbox is in use, or all of it is already transmitted: the moment to wake a producer
        /// that found the outbox full. Waking it on every acknowledgement would cost a thread switch per message;
        /// waking it later would let the inflight window run dry.
        /// </summary>
        public bool OutboxLow { get { return transmitCursor < 0 || outbox.BytesUsed * 2 <= outbox.Capacity; } }

        public SubscriptionTable Subscriptions { get { return subscriptions; } }

        /// <summary>Starts a connection on a freshly opened transport: validates the options and queues CONNECT.</summary>
        public MqttError Connect(MqttConnectOptions connect, long now)
        {
            MqttError error = Validate(connect);
            if (error != MqttError.None) return error;
            if (connect.CleanSession) DiscardSessionState();
            ResetConnection();
            int written = MqttEncoder.Connect(output.Bytes, 0, connect);
            if (written < 0) return MqttError.PacketTooLong;
            output.Commit(written);
            keepAliveMs = connect.KeepAliveSeconds * 1000L;
            pingTimeoutMs = options.PingTimeoutMs > 0 ? options.PingTimeoutMs : keepAliveMs / 2;
            state = MqttSessionState.Connecting;
            LastError = MqttError.None;
            LastReturnCode = MqttConnectReturnCode.Accepted;
            connectStartedAt = lastSentAt = lastReceivedAt = now;
            return MqttError.None;
        }

        /// <summary>Queues DISCONNECT; the owner closes the transport once <see cref="GetOutput"/> is empty.</summary>
        public bool Disconnect()
        {
            if (state != MqttSessionState.Connected) return false;
            int at = output.MakeRoom(2);
            if (at < 0) return false;
            output.Commit(MqttEncoder.Empty(output.Bytes, at, MqttPacketType.Disconnect));
            state = MqttSessionState.Closing;
            return true;
        }

        /// <summary>The transport is closed or broken: the connection is over, the session state is kept.</summary>
        public void ConnectionLost()
        {
            if (state == MqttSessionState.Disconnected) return;
            Close(state == MqttSessionState.Closing ? MqttError.ClosedByClient : MqttError.TransportClosed);
        }

        public MqttPublishResult Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            int topicLength = MqttUtf8.ByteCount(topic);
            if (topicLength <= 0 || topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0 || topicLength > 65535) return MqttPublishResult.InvalidTopic;
            int size = MqttEncoder.PublishSize(topicLength, qos, count);
            int at = Reserve(size, qos, out MqttPublishResult refusal);
            if (at < 0) return refusal;
            MqttEncoder.Publish(Destination(qos), at, topic, 0, qos, retain, false, payload, offset, count);
            return Accept(size, qos);
        }

        public MqttPublishResult Publish(byte[] topic, int topicOffset, int topicLength, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            if (MqttTopic.ValidateName(topic, topicOffset, topicLength) != MqttError.None) return MqttPublishResult.InvalidTopic;
            int size = MqttEncoder.PublishSize(topicLength, qos, count);
            int at = Reserve(size, qos, out MqttPublishResult refusal);
            if (at < 0) return refusal;
            MqttEncoder.Publish(Destination(qos), at, topic, topicOffset, topicLength, 0, qos, retain, false, payload, offset, count);
            return Accept(size, qos);
        }

        /// <summary>Where a PUBLISH of <paramref name="size"/> bytes goes: the send buffer for QoS 0, the outbox otherwise.</summary>
        int Reserve(int size, MqttQos qos, out MqttPublishResult refusal)
        {
            refusal = MqttPublishResult.Accepted;
            if (qos > MqttQos.ExactlyOnce) refusal = MqttPublishResult.InvalidTopic;
            else if (size < 0 || size > output.Bytes.Length || size + 8 > outbox.Capacity) refusal = MqttPublishResult.TooLarge;
            else if (qos == MqttQos.AtMostOnce && state != MqttSessionState.Connected) refusal = MqttPublishResult.NotConnected;
            if (refusal != MqttPublishResult.Accepted) return -1;

            if (qos == MqttQos.AtMostOnce)
            {
                int at = output.MakeRoom(size);
                if (at < 0) refusal = MqttPublishResult.SendBufferFull;
                return at;
            }
            int entry = outbox.TryAppend(size);
            if (entry < 0)
            {
                refusal = MqttPublishResult.OutboxFull;
                return -1;
            }
            if (transmitCursor < 0) transmitCursor = entry;
            return outbox.PacketOffset(entry);
        }

        byte[] Destination(MqttQos qos)
        {
            return qos == MqttQos.AtMostOnce ? output.Bytes : outbox.Storage;
        }

        MqttPublishResult Accept(int size, MqttQos qos)
        {
            if (qos == MqttQos.AtMostOnce) output.Commit(size);
            else TransmitOutbox();
            return MqttPublishResult.Accepted;
        }

        /// <summary>Adds a subscription and returns its index (routing reports it); SUBSCRIBE goes out now or after connecting.</summary>
        public int Subscribe(string filter, MqttQos qos)
        {
            return Subscribe(new string[] { filter }, new MqttQos[] { qos });
        }

        /// <summary>Several filters in one SUBSCRIBE; returns the index of the first, the others follow it.</summary>
        public int Subscribe(string[] filters, MqttQos[] qos)
        {
            if (filters.Length == 0 || filters.Length != qos.Length) throw new ArgumentException("one QoS per filter, at least one filter");
            byte[][] encoded = new byte[filters.Length][];
            for (int i = 0; i < filters.Length; i++)
            {
                encoded[i] = EncodeFilter(filters[i]);
                if (qos[i] > MqttQos.ExactlyOnce) throw new ArgumentException("QoS must be 0, 1 or 2");
            }
            int first = subscriptions.FindFree(filters.Length);
            if (first < 0) throw new InvalidOperationException("no room for more subscriptions: raise MaxSubscriptions");
            for (int i = 0; i < filters.Length; i++) subscriptions.Set(first + i, encoded[i], qos[i]);
            TransmitSubscriptions();
            return first;
        }

        /// <summary>Stops routing to the subscription and queues UNSUBSCRIBE.</summary>
        public void Unsubscribe(int subscriptionIndex)
        {
            SubscriptionState s = subscriptions.State(subscriptionIndex);
            if (s == SubscriptionState.Free || s == SubscriptionState.Unsubscribing || s == SubscriptionState.UnsubscribeSent) return;
            subscriptions.SetState(subscriptionIndex, SubscriptionState.Unsubscribing, 0);
            TransmitSubscriptions();
        }

        static byte[] EncodeFilter(string filter)
        {
            int length = MqttUtf8.ByteCount(filter);
            if (length <= 0 || length > 65535) throw new ArgumentException("topic filter is empty or not valid UTF-8: " + filter);
            byte[] bytes = new byte[length];
            MqttUtf8.Encode(filter, bytes, 0);
            if (MqttTopic.ValidateFilter(bytes, 0, length) != MqttError.None) throw new ArgumentException("invalid topic filter: " + filter);
            return bytes;
        }

        /// <summary>Bytes queued for the transport, without taking them.</summary>
        public int PendingOutput { get { return output.Pending; } }

        /// <summary>Bytes to hand to the transport. They stay in place until <see cref="OutputWritten"/>.</summary>
        public int GetOutput(out byte[] buffer, out int offset)
        {
            buffer = output.Bytes;
            return output.Borrow(out offset);
        }

        public void OutputWritten(int count, long now)
        {
            output.Release(count);
            if (count > 0) lastSentAt = now;
            if (state != MqttSessionState.Connected) return;
            TransmitOutbox();
            TransmitSubscriptions();
        }

        /// <summary>True when received packets wait for room in the send buffer: write the output, then <see cref="ResumeInput"/>.</summary>
        public bool InputStalled { get { return inputStalled; } }

        public void ResumeInput(long now)
        {
            ProcessInput(now);
        }

        /// <summary>Runs the timers: connect timeout, keepalive pings and dead-link detection [MQTT-3.1.2-23].</summary>
        public void Tick(long now)
        {
            if (state == MqttSessionState.Connecting && now - connectStartedAt >= options.ConnectTimeoutMs)
            {
                Close(MqttError.ConnectTimeout);
                return;
            }
            if (state != MqttSessionState.Connected || keepAliveMs == 0) return;
            // Silence is measured on what arrives, not on what is sent: a client that publishes all the
            // time still notices a half-open link, because the broker's answers stop.
            if (now - lastReceivedAt >= keepAliveMs + pingTimeoutMs)
            {
                Close(MqttError.KeepAliveTimeout);
                return;
            }
            if (pingOutstanding) return;
            if (now - lastSentAt < keepAliveMs && now - lastReceivedAt < keepAliveMs) return;
            int at = output.MakeRoom(2);
            if (at < 0) return; // output is full and being written: that write refreshes lastSentAt
            output.Commit(MqttEncoder.Empty(output.Bytes, at, MqttPacketType.Pingreq));
            pingOutstanding = true;
        }

        /// <summary>How long the owner may wait for input before calling <see cref="Tick"/> again.</summary>
        public long MillisecondsUntilTick(long now)
        {
            long due;
            if (state == MqttSessionState.Connecting) due = connectStartedAt + options.ConnectTimeoutMs;
            else if (state != MqttSessionState.Connected || keepAliveMs == 0) return 1000;
            else
            {
                due = lastReceivedAt + keepAliveMs + pingTimeoutMs;
                if (!pingOutstanding)
                {
                    long pingDue = (lastSentAt < lastReceivedAt ? lastSentAt : lastReceivedAt) + keepAliveMs;
                    if (pingDue < due) due = pingDue;
                }
            }
            return due > now ? due - now : 0;
        }

        /// <summary>
        /// Sends outbox entries not yet transmitted on this connection, in their original order, while the
        /// inflight window and the send buffer allow. Re-deliveries carry DUP [MQTT-3.3.1-1] and keep their
        /// packet identifier [MQTT-4.4.0-1]; a message acknowledged by PUBREC goes on with PUBREL.
        /// </summary>
        void TransmitOutbox()
        {
            if (state != MqttSessionState.Connected) return;
            while (transmitCursor >= 0 && inflight < options.InflightWindow)
            {
                int entry = transmitCursor;
                OutboxState s = outbox.State(entry);
                if (s == OutboxState.AwaitingPubcomp)
                {
                    int at = output.MakeRoom(4);
                    if (at < 0) return;
                    output.Commit(MqttEncoder.Ack(output.Bytes, at, MqttPacketType.Pubrel, outbox.PacketId(entry)));
                    inflight++;
                }
                else if (s != OutboxState.Completed && !TransmitPublish(entry))
                {
                    return;
                }
                transmitCursor = outbox.Next(entry);
            }
        }

        bool TransmitPublish(int entry)
        {
            int length = outbox.PacketLength(entry);
            int at = output.MakeRoom(length);
            if (at < 0) return false;
            if (outbox.PacketId(entry) == 0) outbox.SetPacketId(entry, AllocatePacketId());
            byte[] packet = outbox.Storage;
            int start = outbox.PacketOffset(entry);
            Array.Copy(packet, start, output.Bytes, at, length);
            int topicAt = at + 1 + RemainingLength.TryRead(output.Bytes, at + 1, 4, out _);
            int idAt = topicAt + 2 + BigEndian.ReadUInt16(output.Bytes, topicAt);
            BigEndian.WriteUInt16(output.Bytes, idAt, outbox.PacketId(entry));
            if (outbox.TimesSent(entry) > 0) output.Bytes[at] |= 0x08;
            output.Commit(length);
            outbox.CountSent(entry);
            MqttQos qos = (MqttQos)((packet[start] >> 1) & 3);
            outbox.SetState(entry, qos == MqttQos.AtLeastOnce ? OutboxState.AwaitingPuback : OutboxState.AwaitingPubrec);
            inflight++;
            return true;
        }

        /// <summary>Sends SUBSCRIBE for runs of pending filters and UNSUBSCRIBE for removed ones.</summary>
        void TransmitSubscriptions()
        {
            if (state != MqttSessionState.Connected) return;
            int capacity = subscriptions.Capacity;
            for (int i = 0; i < capacity; i++)
            {
                SubscriptionState s = subscriptions.State(i);
                if (s == SubscriptionState.Pending)
                {
                    int run = 1;
                    while (i + run < capacity && subscriptions.State(i + run) == SubscriptionState.Pending) run++;
                    int id = AllocatePacketId();
                    int at = output.MakeRoom(0);
                    int written = at < 0 ? -1 : MqttEncoder.Subscribe(output.Bytes, at, id, subscriptions.Filters, subscriptions.Qos, i, run);
                    if (written < 0) return;
                    output.Commit(written);
                    for (int k = i; k < i + run; k++) subscriptions.SetState(k, SubscriptionState.Subscribing, id);
                    i += run - 1;
                }
                else if (s == SubscriptionState.Unsubscribing)
                {
                    int id = AllocatePacketId();
                    int at = output.MakeRoom(0);
                    int written = at < 0 ? -1 : MqttEncoder.Unsubscribe(output.Bytes, at, id, subscriptions.Filters, i, 1);
                    if (written < 0) return;
                    output.Commit(written);
                    subscriptions.SetState(i, SubscriptionState.UnsubscribeSent, id);
                }
            }
        }

        /// <summary>The next packet identifier not in use by any unfinished flow [MQTT-2.3.1-2].</summary>
        int AllocatePacketId()
        {
            while (true)
            {
                nextPacketId = nextPacketId == 65535 ? 1 : nextPacketId + 1;
                if (!IsPacketIdInUse(nextPacketId)) return nextPacketId;
            }
        }

        bool IsPacketIdInUse(int packetId)
        {
            for (int e = outbox.First; e >= 0; e = outbox.Next(e))
            {
                OutboxState s = outbox.State(e);
                if (s != OutboxState.Completed && outbox.PacketId(e) == packetId) return true;
            }
            return subscriptions.UsesPacketId(packetId);
        }

        MqttError Validate(MqttConnectOptions c)
        {
            int idLength = MqttUtf8.ByteCount(c.ClientId);
            if (idLength < 0 || idLength > 65535) return MqttError.InvalidUtf8;
            if (idLength == 0 && !c.CleanSession) return MqttError.InvalidConnectFlags; // [MQTT-3.1.3-7]
            if (c.KeepAliveSeconds < 0 || c.KeepAliveSeconds > 65535) return MqttError.InvalidConnectFlags;
            if (c.Password != null && c.UserName == null) return MqttError.InvalidConnectFlags; // [MQTT-3.1.2-22]
            // Every string and binary field carries a two-byte length (section 1.5.3).
            int userLength = c.UserName == null ? 0 : MqttUtf8.ByteCount(c.UserName);
            if (userLength < 0) return MqttError.InvalidUtf8;
            if (userLength > 65535 || (c.Password != null && c.Password.Length > 65535)) return MqttError.StringTooLong;
            if (c.WillTopic == null) return MqttError.None;
            if (c.WillQos > MqttQos.ExactlyOnce) return MqttError.InvalidQos;
            int willLength = MqttUtf8.ByteCount(c.WillTopic);
            if (willLength <= 0) return MqttError.EmptyTopic;
            if (c.WillTopic.IndexOf('+') >= 0 || c.WillTopic.IndexOf('#') >= 0) return MqttError.WildcardInTopicName;
            if (willLength > 65535 || (c.WillPayload != null && c.WillPayload.Length > 65535)) return MqttError.StringTooLong;
            return MqttError.None;
        }

        void ResetConnection()
        {
            output.Clear();
            ResetInput();
            pingOutstanding = false;
            inflight = 0;
        }

        /// <summary>Clean session: the client's half of the session goes with it [MQTT-3.1.2-6].</summary>
        void DiscardSessionState()
        {
            pendingReleases.Clear();
        }

        void OnConnectionAccepted(bool sessionPresent)
        {
            state = MqttSessionState.Connected;
            if (!sessionPresent)
            {
                // The broker has no session (3.2.2.2). QoS 2 messages that reached PUBREC are the broker's
                // now, so their flow is complete; unacknowledged PUBLISHes are sent again (with DUP) so that
                // nothing the application handed over is lost.
                pendingReleases.Clear();
                for (int e = outbox.First; e >= 0; e = outbox.Next(e))
                {
                    if (outbox.State(e) != OutboxState.AwaitingPubcomp) continue;
                    outbox.SetState(e, OutboxState.Completed);
                    PublishesCompleted++;
                }
                outbox.ReclaimCompleted();
            }
            subscriptions.OnConnected(sessionPresent);
            transmitCursor = outbox.First;
            handler.OnConnected(sessionPresent);
            TransmitOutbox();
            TransmitSubscriptions();
        }

        void Close(MqttError reason)
        {
            state = MqttSessionState.Disconnected;
            LastError = reason;
            ResetConnection();
            handler.OnDisconnected(reason, LastReturnCode);
        }
    }
}
