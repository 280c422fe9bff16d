using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// The MQTT 3.1.1 client protocol as a state machine with no I/O: bytes in, bytes out, time passed in. Requests
/// queue packets; each packet from the broker has its handler. Timers, outbox transmission, the receiving side and
/// large payloads are types of their own (<see cref="KeepAlive"/>, <see cref="OutboxSender"/>,
/// <see cref="PacketReader"/>, <see cref="LargePublishReader"/>). Not thread-safe: the owner serialises calls and
/// follows the rules of <see cref="Driver.SessionDriver"/>.
/// </summary>
public sealed partial class MqttSession
{
    readonly IMqttSessionHandler handler;
    readonly SendBuffer output;
    readonly PacketReader input;
    readonly Outbox outbox;
    readonly OutboxSender sender;
    readonly SubscriptionTable subscriptions;
    readonly PendingReleases pendingReleases;
    readonly PacketIds ids;
    readonly KeepAlive keepAlive;
    readonly MqttPacket packet = new MqttPacket();

    MqttSessionState state;
    MqttError lastError;
    MqttConnectReturnCode lastReturnCode;
    bool cleanSession;

    /// <summary>Disconnect came while a payload streamed: DISCONNECT follows the payload's last byte.</summary>
    bool disconnectDue;

    public MqttSession(MqttSessionOptions options, IMqttSessionHandler handler)
    {
        if (options.ReceiveBufferSize < 16 || options.SendBufferSize < 16 || options.InflightWindow < 1) throw new ArgumentException("buffers under 16 bytes, or InflightWindow under 1");
        this.handler = handler;
        output = new SendBuffer(options.SendBufferSize);
        outbox = new Outbox(options.OutboxSize);
        subscriptions = new SubscriptionTable(options.MaxSubscriptions);
        pendingReleases = new PendingReleases(options.MaxPendingReleases);
        input = new PacketReader(this, handler, packet, output, pendingReleases, subscriptions, options);
        ids = new PacketIds(outbox, subscriptions);
        sender = new OutboxSender(outbox, output, ids, handler, options.InflightWindow);
        keepAlive = new KeepAlive(options.ConnectTimeoutMs, options.PingTimeoutMs);
    }

    public MqttSessionState State => state;

    /// <summary>Why the last connection ended (None while it lasts).</summary>
    public MqttError LastError => lastError;

    /// <summary>The CONNACK code when LastError is ConnectionRefused.</summary>
    public MqttConnectReturnCode LastReturnCode => lastReturnCode;

    /// <summary>QoS 1/2 publishes whose flow completed (PUBACK, or PUBCOMP).</summary>
    public long PublishesCompleted => sender.Completed;

    public long MessagesReceived => input.Delivered;

    /// <summary>Unreleased QoS 2 identifiers forgotten because the broker opened more than MaxPendingReleases.</summary>
    public long ReleasesForgotten => pendingReleases.Forgotten;

    /// <summary>Messages skipped by the Drop policy for large payloads.</summary>
    public long MessagesDropped => input.Large.Dropped;

    /// <summary>QoS 1/2 messages in the outbox, transmitted or not.</summary>
    public int OutboxCount => outbox.Count;

    public int Inflight => sender.Inflight;

    /// <summary>The numbered message is in the outbox and its flow has not completed.</summary>
    public bool IsPending(int messageId) => sender.IsPending(messageId);

    /// <summary>The moment to wake a producer that found the outbox full (see <see cref="OutboxSender.Low"/>).</summary>
    public bool OutboxLow => sender.Low;

    public SubscriptionTable Subscriptions => subscriptions;

    // Requests

    /// <summary>Starts a connection on a freshly opened transport: validates the options and queues CONNECT.</summary>
    public MqttError Connect(MqttConnectOptions connect, long now)
    {
        MqttError error = connect.Validate();
        if (error != MqttError.None) return error;
        cleanSession = connect.CleanSession;
        if (cleanSession) pendingReleases.Clear(); // the client's half of the session goes too [MQTT-3.1.2-6]
        ResetConnection();
        int written = MqttEncoder.Connect(output.Bytes, 0, connect);
        if (written < 0) return MqttError.PacketTooLong;
        output.Commit(written);
        keepAlive.Start(connect.KeepAliveSeconds, now);
        state = MqttSessionState.Connecting;
        lastError = MqttError.None;
        lastReturnCode = MqttConnectReturnCode.Accepted;
        return MqttError.None;
    }

    /// <summary>Queues DISCONNECT (after a payload that is streaming); the owner closes the transport once it is written.</summary>
    public bool Disconnect()
    {
        if (state != MqttSessionState.Connected) return false;
        disconnectDue = sender.Stream.Sending;
        if (!disconnectDue && !output.AppendEmpty(MqttPacketType.Disconnect)) return false;
        state = MqttSessionState.Closing;
        return true;
    }

    /// <summary>The transport is closed or broken: the connection is over, the session state is kept.</summary>
    public void ConnectionLost() { if (state != MqttSessionState.Disconnected) Close(state == MqttSessionState.Closing ? MqttError.ClosedByClient : MqttError.TransportClosed); }

    /// <summary>Adds a subscription and returns its index (routing reports it), or a negative <see cref="MqttSubscribeResult"/>; SUBSCRIBE goes out now or after connecting.</summary>
    public int Subscribe(string filter, MqttQos qos) => Subscribe(new string[] { filter }, new MqttQos[] { qos });

    /// <summary>Several filters in one SUBSCRIBE; returns the index of the first (the others follow it), or a negative <see cref="MqttSubscribeResult"/>.</summary>
    public int Subscribe(string[] filters, MqttQos[] qos)
    {
        int first = subscriptions.Add(filters, qos);
        TransmitSubscriptions();
        return first;
    }

    /// <summary>Stops routing to the subscription and queues UNSUBSCRIBE; false when the slot holds no subscription.</summary>
    public bool Unsubscribe(int subscriptionIndex) => subscriptions.Remove(subscriptionIndex) && TransmitSubscriptions();

    /// <summary>Queues what the subscriptions ask for when connected (else CONNACK will); true, so that a request can end with it.</summary>
    bool TransmitSubscriptions() { if (state == MqttSessionState.Connected) subscriptions.Transmit(output, ids); return true; }

    void TransmitOutbox() { if (state == MqttSessionState.Connected) sender.Transmit(); }

    // Bytes and time, from and to the owner

    /// <summary>Bytes queued for the transport, without taking them.</summary>
    public int PendingOutput => output.Pending;

    /// <summary>Bytes to hand to the transport. They stay in place until <see cref="OutputWritten"/>.</summary>
    public int GetOutput(out byte[] buffer, out int offset)
    {
        buffer = output.Bytes;
        return output.Borrow(out offset);
    }

    public void OutputWritten(int count, long now)
    {
        output.Release(count);
        if (count > 0) keepAlive.LastSentAt = now;
        if (state == MqttSessionState.Connected)
        {
            sender.Transmit();
            subscriptions.Transmit(output, ids);
        }
        else if (disconnectDue)
        {
            sender.Stream.Fill(output);
            disconnectDue = sender.Stream.Sending || !output.AppendEmpty(MqttPacketType.Disconnect);
        }
    }

    /// <summary>Free space the transport may read into; then call <see cref="Received"/>.</summary>
    public int GetReceiveSpace(out byte[] buffer, out int offset) => input.Space(out buffer, out offset);

    /// <summary><paramref name="count"/> bytes were read into the receive space: process them.</summary>
    public void Received(int count, long now)
    {
        if (count <= 0) return;
        input.End += count;
        keepAlive.LastReceivedAt = now;
        input.Process();
    }

    /// <summary>True when received packets wait for room in the send buffer: write the output, then <see cref="ResumeInput"/>.</summary>
    public bool InputStalled => input.Stalled;

    public void ResumeInput() => input.Process();

    /// <summary>Runs the timers: connect timeout, keepalive pings and dead-link detection.</summary>
    public void Tick(long now)
    {
        MqttError expired = keepAlive.Expired(state, now);
        if (sender.Stream.SourceFailed)
        {
            // Reported here, on the owner's reading thread, though found by whichever thread was writing.
            sender.DropStreamed();
            Close(MqttError.PayloadSourceFailed);
        }
        else if (expired != MqttError.None) Close(expired);
        // No room means the output is being written, and that write will count as the last send.
        else if (state == MqttSessionState.Connected && keepAlive.PingDue(now) && output.AppendEmpty(MqttPacketType.Pingreq)) keepAlive.PingOutstanding = true;
    }

    /// <summary>How long the owner may wait for input before calling <see cref="Tick"/> again.</summary>
    public long MillisecondsUntilTick(long now) => keepAlive.MillisecondsUntilDue(state, now);

    // Packets from the broker

    /// <summary>Handles one complete packet; false when it must wait for room in the send buffer.</summary>
    internal bool HandlePacket(int offset, int length)
    {
        MqttError error = MqttDecoder.Decode(input.Bytes, offset, length, packet);
        MqttPacketType type = packet.Type;
        // [MQTT-3.2.0-1] the first packet from the server is CONNACK
        if (error == MqttError.None && state == MqttSessionState.Connecting && type != MqttPacketType.Connack) error = MqttError.UnexpectedPacket;
        if (error != MqttError.None) { Close(error); return false; }
        bool answers = type == MqttPacketType.Pubrec || type == MqttPacketType.Pubrel || (type == MqttPacketType.Publish && packet.Qos != MqttQos.AtMostOnce);
        if (answers && !input.RoomToAnswer()) return false;
        switch (type)
        {
            case MqttPacketType.Connack: OnConnack(); break;
            case MqttPacketType.Publish: OnPublish(); break;
            case MqttPacketType.Puback: Complete(OutboxState.AwaitingPuback); break;
            case MqttPacketType.Pubrec: OnPubrec(); break;
            case MqttPacketType.Pubcomp: Complete(OutboxState.AwaitingPubcomp); break;
            case MqttPacketType.Pubrel: OnPubrel(); break;
            case MqttPacketType.Suback: subscriptions.OnSuback(packet, handler); break;
            case MqttPacketType.Unsuback: subscriptions.OnUnsuback(packet.PacketId, handler); break;
            default: keepAlive.PingOutstanding = false; break; // PINGRESP: the decoder refuses anything else
        }
        return state != MqttSessionState.Disconnected;
    }

    void OnConnack()
    {
        // Out of place, or claiming a session after a clean-session CONNECT [MQTT-3.2.2-1]: trusting it would skip the SUBSCRIBEs.
        if (state != MqttSessionState.Connecting || packet.SessionPresent && cleanSession) { Close(MqttError.UnexpectedPacket); return; }
        if (packet.ReturnCode != MqttConnectReturnCode.Accepted) { lastReturnCode = packet.ReturnCode; Close(MqttError.ConnectionRefused); return; }
        bool sessionPresent = packet.SessionPresent;
        state = MqttSessionState.Connected;
        // Without a session on the broker (3.2.2.2) received QoS 2 state goes; unacknowledged PUBLISHes are
        // still sent again, so that nothing the application handed over is lost.
        if (!sessionPresent) pendingReleases.Clear();
        sender.Restart(sessionPresent);
        subscriptions.OnConnected(sessionPresent, handler);
        handler.OnConnected(sessionPresent);
        TransmitOutbox();
        TransmitSubscriptions();
    }

    void OnPublish()
    {
        bool duplicate = input.IsDuplicate(packet.Qos, packet.PacketId);
        // The answer is queued first: the room checked for it stays ours even if the callback publishes.
        input.Acknowledge(packet.Qos, packet.PacketId, duplicate);
        if (!duplicate) input.Deliver(packet.PayloadOffset, packet.PayloadLength, 0, packet.PayloadLength);
    }

    void OnPubrec()
    {
        sender.Pubrec(packet.PacketId);
        // Answered even when unknown, so that the broker can discard its state [MQTT-4.3.3-1].
        output.AppendAck(MqttPacketType.Pubrel, packet.PacketId);
    }

    void OnPubrel()
    {
        pendingReleases.Remove(packet.PacketId);
        output.AppendAck(MqttPacketType.Pubcomp, packet.PacketId); // [MQTT-4.3.3-2]
    }

    /// <summary>PUBACK or PUBCOMP: the flow ends and the window opens for the next message.</summary>
    void Complete(OutboxState expected) { if (sender.Complete(packet.PacketId, expected)) TransmitOutbox(); }

    internal void Close(MqttError reason)
    {
        state = MqttSessionState.Disconnected;
        lastError = reason;
        ResetConnection();
        handler.OnDisconnected(reason, lastReturnCode);
    }

    void ResetConnection()
    {
        output.Clear();
        input.Clear();
        sender.ConnectionEnded();
        disconnectDue = false;
    }
}
