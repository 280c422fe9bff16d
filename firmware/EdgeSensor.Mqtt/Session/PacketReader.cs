using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// The receiving side: the bytes read from the transport and not yet consumed, cut into packets. Each complete
/// one goes to the session's handler, a PUBLISH larger than the buffer to the <see cref="LargePublishReader"/>;
/// both answer and deliver PUBLISHes through here. Reads append at End; packets are framed from Start.
/// </summary>
sealed class PacketReader
{
    public readonly byte[] Bytes;
    public readonly LargePublishReader Large;
    public int Start;
    public int End;

    /// <summary>A packet needs an answer and the send buffer has no room: input waits until output is written.</summary>
    public bool Stalled;

    /// <summary>Messages delivered whole (the last chunk of a large one counts).</summary>
    public long Delivered;

    readonly MqttSession session;
    readonly IMqttSessionHandler handler;
    readonly MqttPacket packet;
    readonly SendBuffer output;
    readonly PendingReleases pendingReleases;
    readonly SubscriptionTable subscriptions;
    readonly MqttMessage message = new MqttMessage();

    public PacketReader(MqttSession session, IMqttSessionHandler handler, MqttPacket packet, SendBuffer output,
        PendingReleases pendingReleases, SubscriptionTable subscriptions, MqttSessionOptions options)
    {
        this.session = session;
        this.handler = handler;
        this.packet = packet;
        this.output = output;
        this.pendingReleases = pendingReleases;
        this.subscriptions = subscriptions;
        Bytes = new byte[options.ReceiveBufferSize];
        Large = new LargePublishReader(session, this, packet, options.LargePayloads == MqttLargePayloadPolicy.Drop);
    }

    /// <summary>The free space after End, once the unread bytes are moved to the front.</summary>
    public int Space(out byte[] buffer, out int offset)
    {
        Compact(); // while a large PUBLISH streams its header sits at 0, so nothing moves
        buffer = Bytes;
        offset = End;
        return Bytes.Length - End;
    }

    /// <summary>Handles every complete packet, until more bytes are needed, input stalls or the connection ends.</summary>
    public void Process()
    {
        Stalled = false;
        while (session.State != MqttSessionState.Disconnected && !Stalled)
        {
            if (Large.Active)
            {
                if (!Large.Continue()) break;
                continue;
            }
            int available = End - Start;
            int headerLength = MqttDecoder.TryReadFixedHeader(Bytes, Start, available, out int firstByte, out int remaining);
            if (headerLength == 0) break;
            int total = headerLength + remaining;
            MqttError error = headerLength < 0 ? MqttError.MalformedRemainingLength : MqttDecoder.CheckFirstByte(firstByte);
            // Only a PUBLISH may be larger than the buffer: it is read in pieces, anything else would be buffered whole.
            if (error == MqttError.None && total > Bytes.Length && (firstByte >> 4) != (int)MqttPacketType.Publish) error = MqttError.PacketTooLong;
            if (error != MqttError.None)
            {
                session.Close(error);
                return;
            }
            if (total <= available)
            {
                if (!session.HandlePacket(Start, total)) break;
                Start += total;
            }
            else if (total <= Bytes.Length) break; // the rest is on its way
            else
            {
                Compact();
                if (!Large.Begin(firstByte & 0x0F, headerLength, remaining)) break;
            }
        }
        if (Start == End && !Large.Active) Start = End = 0;
    }

    /// <summary>Room for a 4-byte answer; without it input stalls until the output is written.</summary>
    public bool RoomToAnswer()
    {
        if (output.MakeRoom(4) >= 0) return true;
        Stalled = true;
        return false;
    }

    /// <summary>A QoS 2 message whose PUBREL has not come yet arrives again: it is not delivered twice [MQTT-4.3.3-2].</summary>
    public bool IsDuplicate(MqttQos qos, int packetId) => qos == MqttQos.ExactlyOnce && pendingReleases.Contains(packetId);

    /// <summary>
    /// PUBACK for QoS 1 [MQTT-4.3.2-2]; PUBREC for QoS 2, remembering the id until PUBREL [MQTT-4.3.3-2]. Not after
    /// DISCONNECT (Closing): an answer behind it never reaches the broker, which sends the message again [MQTT-4.4.0-1].
    /// </summary>
    public void Acknowledge(MqttQos qos, int packetId, bool alreadyPending)
    {
        if (session.State != MqttSessionState.Connected || qos == MqttQos.AtMostOnce) return;
        if (qos == MqttQos.ExactlyOnce && !alreadyPending) pendingReleases.Add(packetId);
        output.AppendAck(qos == MqttQos.AtLeastOnce ? MqttPacketType.Puback : MqttPacketType.Pubrec, packetId);
    }

    /// <summary>Hands the application a chunk of the current PUBLISH's payload; false when its callback ended the connection.</summary>
    public bool Deliver(int payloadOffset, int count, int position, int total)
    {
        // Read after DISCONNECT, so not acknowledged: the broker sends it again to the next connection, and an
        // application that heard it now would apply it twice (a battery board's command across a deep sleep).
        if (session.State == MqttSessionState.Closing) return true;
        MqttMessage m = message;
        if (position + count == total) Delivered++;
        m.Buffer = Bytes;
        m.TopicOffset = packet.TopicOffset;
        m.TopicLength = packet.TopicLength;
        m.PayloadOffset = payloadOffset;
        m.PayloadCount = count;
        m.PayloadPosition = position;
        m.PayloadTotalLength = total;
        m.Qos = packet.Qos;
        m.Retain = packet.Retain;
        m.Dup = packet.Dup;
        m.PacketId = packet.PacketId;
        if (position == 0) m.SubscriptionIndex = subscriptions.Match(Bytes, packet.TopicOffset, packet.TopicLength);
        handler.OnMessage(m);
        return session.State != MqttSessionState.Disconnected;
    }

    public void Compact()
    {
        if (Start == 0) return;
        Array.Copy(Bytes, Start, Bytes, 0, End - Start);
        End -= Start;
        Start = 0;
    }

    public void Clear()
    {
        Start = End = 0;
        Stalled = false;
        Large.Clear();
    }
}
