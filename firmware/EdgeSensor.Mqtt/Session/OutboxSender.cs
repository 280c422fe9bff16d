using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// Sends the outbox's QoS 1/2 messages in their original order, at most InflightWindow unacknowledged at a time, and
/// follows each flow to its end. This is where a message is sent again: after a reconnect every entry not completed
/// goes out once more, a PUBLISH with DUP [MQTT-3.3.1-1] and its original packet identifier [MQTT-4.4.0-1], a
/// message the broker acknowledged with PUBREC as PUBREL. Messages are numbered 1 to 65535 and round again in the
/// order they enter the outbox; entries leave it only from the front, so the first holds <see cref="firstId"/> and
/// the others count on from it: an entry's id costs no storage.
/// </summary>
sealed class OutboxSender
{
    readonly Outbox outbox;
    readonly SendBuffer output;
    readonly PacketIds ids;
    readonly IMqttSessionHandler handler;

    /// <summary>The message whose payload is read from the application's source as it is sent.</summary>
    public readonly StreamedPayload Stream = new StreamedPayload();
    readonly int window;

    /// <summary>The message id of the outbox's first entry, or of the next message when it is empty.</summary>
    int firstId = 1;

    /// <summary>The next entry to transmit on this connection, or -1 when all are.</summary>
    int cursor = -1;
    public int Inflight;

    /// <summary>Flows completed: PUBACK, PUBCOMP, or a PUBREC the broker's lost session made final.</summary>
    public long Completed;

    public OutboxSender(Outbox outbox, SendBuffer output, PacketIds ids, IMqttSessionHandler handler, int window)
    {
        this.handler = handler;
        this.outbox = outbox;
        this.output = output;
        this.ids = ids;
        this.window = window;
    }

    /// <summary>
    /// At most half the outbox is in use, or all of it is already transmitted: the moment to wake a producer that
    /// found the outbox full. Waking it on every acknowledgement would cost a thread switch per message; waking it
    /// later would let the inflight window run dry.
    /// </summary>
    public bool Low => cursor < 0 || outbox.BytesUsed * 2 <= outbox.Capacity;

    /// <summary>Room for a PUBLISH of <paramref name="size"/> bytes: where to encode it in the outbox, or -1 (and id 0) when full.</summary>
    public int Reserve(int size, out int messageId)
    {
        int entry = Append(size, out messageId);
        return entry < 0 ? -1 : outbox.PacketOffset(entry);
    }

    /// <summary>
    /// Room for the header of a PUBLISH whose payload <paramref name="source"/> produces as it is sent; -1 when the
    /// outbox is full or another such message holds its source still.
    /// </summary>
    public int Reserve(int headerSize, IMqttPayloadSource source, int length, out int messageId)
    {
        messageId = 0;
        if (Stream.Entry >= 0) return -1;
        int entry = Append(headerSize, out messageId);
        if (entry < 0) return -1;
        Stream.Hold(entry, source, length);
        return outbox.PacketOffset(entry);
    }

    int Append(int size, out int messageId)
    {
        int entry = outbox.TryAppend(size);
        messageId = entry < 0 ? 0 : IdAt(outbox.Count - 1);
        if (entry >= 0 && cursor < 0) cursor = entry;
        return entry;
    }

    /// <summary>The connection is over: nothing is in flight on it, and a streamed payload starts again on the next.</summary>
    public void ConnectionEnded()
    {
        Inflight = 0;
        Stream.Stop();
    }

    /// <summary>CONNACK accepted the connection: every unfinished flow is transmitted again, from the first.</summary>
    public void Restart(bool sessionPresent)
    {
        if (!sessionPresent)
        {
            // No session on the broker (3.2.2.2): QoS 2 messages that reached PUBREC are the broker's now.
            int k = 0;
            for (int e = outbox.First; e >= 0; e = outbox.Next(e), k++)
            {
                if (outbox.State(e) == OutboxState.AwaitingPubcomp) handler.OnPublishCompleted(End(e, k), MqttPublishOutcome.SessionLost);
            }
            Reclaim();
        }
        cursor = outbox.First;
    }

    /// <summary>Sends entries not yet transmitted on this connection while the window and the send buffer allow.</summary>
    public void Transmit()
    {
        Stream.Fill(output);
        while (cursor >= 0 && Inflight < window && !Stream.Sending)
        {
            int entry = cursor;
            OutboxState s = outbox.State(entry);
            if (s == OutboxState.AwaitingPubcomp)
            {
                if (!output.AppendAck(MqttPacketType.Pubrel, outbox.PacketId(entry))) return;
                Inflight++;
            }
            else if (s != OutboxState.Completed && !TransmitPublish(entry))
            {
                return;
            }
            cursor = outbox.Next(entry);
        }
    }

    bool TransmitPublish(int entry)
    {
        int length = outbox.PacketLength(entry);
        int at = output.MakeRoom(length);
        if (at < 0) return false;
        // The identifier is given when first sent, so that queued messages hold none and never exhaust them.
        if (outbox.PacketId(entry) == 0) outbox.SetPacketId(entry, ids.Next());
        byte[] packet = outbox.Storage;
        int start = outbox.PacketOffset(entry);
        byte[] b = output.Bytes;
        Array.Copy(packet, start, b, at, length);
        int topicAt = at + 1 + RemainingLength.TryRead(b, at + 1, 4, out _);
        BigEndian.WriteUInt16(b, topicAt + 2 + BigEndian.ReadUInt16(b, topicAt), outbox.PacketId(entry));
        if (outbox.TimesSent(entry) > 0) b[at] |= 0x08;
        output.Commit(length);
        outbox.CountSent(entry);
        MqttQos qos = (MqttQos)((packet[start] >> 1) & 3);
        outbox.SetState(entry, qos == MqttQos.AtLeastOnce ? OutboxState.AwaitingPuback : OutboxState.AwaitingPubrec);
        Inflight++;
        if (entry == Stream.Entry) Stream.Begin(output);
        return true;
    }

    public void Pubrec(int packetId)
    {
        int entry = Find(packetId, OutboxState.AwaitingPubrec, out _);
        if (entry >= 0) outbox.SetState(entry, OutboxState.AwaitingPubcomp);
    }

    /// <summary>PUBACK or PUBCOMP ends a flow; false for a late or repeated one that nothing waits for.</summary>
    public bool Complete(int packetId, OutboxState expected)
    {
        int entry = Find(packetId, expected, out int k);
        if (entry < 0) return false;
        int messageId = End(entry, k);
        Inflight--;
        Reclaim();
        handler.OnPublishCompleted(messageId, MqttPublishOutcome.Acknowledged);
        return true;
    }

    /// <summary>The streamed message whose source failed leaves the outbox: it cannot be sent again.</summary>
    public void DropStreamed()
    {
        int k = 0;
        int e = outbox.First;
        while (e != Stream.Entry) { e = outbox.Next(e); k++; }
        int messageId = End(e, k);
        Reclaim();
        handler.OnPublishCompleted(messageId, MqttPublishOutcome.SourceFailed);
    }

    /// <summary>Ends the flow of the k-th entry, which gives up its source if it streamed; returns its message id.</summary>
    int End(int entry, int k)
    {
        outbox.SetState(entry, OutboxState.Completed);
        Completed++;
        if (entry == Stream.Entry) Stream.Release();
        return IdAt(k);
    }

    /// <summary>The message is in the outbox and its flow has not completed.</summary>
    public bool IsPending(int messageId)
    {
        int k = (messageId - firstId + 65535) % 65535;
        if (messageId < 1 || messageId > 65535 || k >= outbox.Count) return false;
        int e = outbox.First;
        while (k-- > 0) e = outbox.Next(e);
        return outbox.State(e) != OutboxState.Completed;
    }

    int Find(int packetId, OutboxState expected, out int k)
    {
        k = 0;
        for (int e = outbox.First; e >= 0 && e != cursor; e = outbox.Next(e), k++)
        {
            if (outbox.State(e) == expected && outbox.PacketId(e) == packetId) return e;
        }
        return -1;
    }

    /// <summary>Frees completed entries at the front; the ids count on past them.</summary>
    void Reclaim()
    {
        int before = outbox.Count;
        outbox.ReclaimCompleted();
        firstId = IdAt(before - outbox.Count);
    }

    int IdAt(int k) => (firstId - 1 + k) % 65535 + 1;
}
