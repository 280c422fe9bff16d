using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// Reads a PUBLISH larger than the receive buffer, its fixed header at the buffer's front. When its topic and packet
/// identifier fit, they stay in view there while the payload passes behind them in chunks, each delivered as it
/// arrives (streaming). Otherwise, or under the Drop policy, the packet is consumed unread (skipping) except for its
/// packet identifier, so that it can still be acknowledged.
/// </summary>
sealed class LargePublishReader
{
    readonly MqttSession session;
    readonly PacketReader input;
    readonly MqttPacket packet;
    readonly bool drop;

    /// <summary>Streaming or skipping: the next bytes belong to the large PUBLISH.</summary>
    public bool Active;

    bool streaming;
    bool delivers; // false for a QoS 2 message delivered before: read and acknowledged again, not delivered twice
    int headerEnd;
    int done;
    int total;

    // Skipping: done and total count the packet's remaining bytes.
    int idPosition;
    int skippedId;

    /// <summary>Messages skipped under the Drop policy, or because their topic does not fit.</summary>
    public long Dropped;

    public LargePublishReader(MqttSession session, PacketReader input, MqttPacket packet, bool drop)
    {
        this.session = session;
        this.input = input;
        this.packet = packet;
        this.drop = drop;
    }

    /// <summary>Starts on the packet whose header is at the front; false when it must wait for more bytes or closed the connection.</summary>
    public bool Begin(int flags, int headerLength, int remaining)
    {
        byte[] b = input.Bytes;
        MqttError error = MqttDecoder.DecodePublishHeader(b, headerLength, input.End - headerLength, flags, remaining, packet, out int variableLength);
        if (error != MqttError.None) { session.Close(error); return false; }
        if (variableLength == 0 && input.End < b.Length) return false; // the rest of the topic is on its way
        if (variableLength == 0)
        {
            // The topic does not fit: the application still hears of the message, by the bytes of its topic that fit
            // (unchecked: the rest, and any fault in it, is never seen), with no payload and a total length of -1, so
            // that it can refuse it by name; then the packet is skipped and acknowledged.
            BeginSkip(headerLength, remaining, 2 + BigEndian.ReadUInt16(b, headerLength));
            packet.TopicOffset = headerLength + 2;
            packet.TopicLength = b.Length - headerLength - 2;
            input.Deliver(0, 0, 0, -1);
            return true;
        }
        if (drop) return BeginSkip(headerLength, remaining, 2 + packet.TopicLength);
        Active = streaming = true;
        delivers = !input.IsDuplicate(packet.Qos, packet.PacketId);
        headerEnd = headerLength + variableLength;
        done = 0;
        total = remaining - variableLength;
        return true;
    }

    /// <summary>Takes what has arrived; false when nothing more can be done until more bytes or room to answer.</summary>
    public bool Continue() => streaming ? ContinueStream() : ContinueSkip();

    public void Clear() => Active = false;

    bool ContinueStream()
    {
        byte[] b = input.Bytes;
        int available = input.End - headerEnd;
        int chunk = total - done < available ? total - done : available;
        if (chunk == 0) return false;
        bool last = done + chunk == total;
        if (last && packet.Qos != MqttQos.AtMostOnce && !input.RoomToAnswer()) return false;
        if (last) input.Acknowledge(packet.Qos, packet.PacketId, !delivers);
        if (delivers && !input.Deliver(headerEnd, chunk, done, total)) return false;
        done += chunk;
        Array.Copy(b, headerEnd + chunk, b, headerEnd, input.End - headerEnd - chunk);
        input.End -= chunk;
        if (!last) return true;

        // Bytes of the next packet may have arrived with the last chunk: they move to the front.
        Active = streaming = false;
        Array.Copy(b, headerEnd, b, 0, input.End - headerEnd);
        input.End -= headerEnd;
        input.Start = 0;
        return true;
    }

    bool BeginSkip(int headerLength, int remaining, int idAt)
    {
        Active = true;
        streaming = false;
        done = 0;
        total = remaining;
        idPosition = packet.Qos == MqttQos.AtMostOnce ? -1 : idAt;
        skippedId = 0;
        input.Start = headerLength;
        return true;
    }

    bool ContinueSkip()
    {
        byte[] b = input.Bytes;
        int available = input.End - input.Start;
        int n = total - done < available ? total - done : available;
        if (n == 0) return false;
        bool last = done + n == total;
        MqttQos qos = packet.Qos;
        if (last && qos != MqttQos.AtMostOnce && !input.RoomToAnswer()) return false;
        for (int i = 0; i < n; i++)
        {
            int position = done + i;
            if (position == idPosition) skippedId = b[input.Start + i] << 8;
            else if (position == idPosition + 1) skippedId |= b[input.Start + i];
        }
        done += n;
        input.Start += n;
        if (!last) return true;

        Active = false;
        if (qos != MqttQos.AtMostOnce && skippedId == 0) { session.Close(MqttError.ZeroPacketId); return false; }
        Dropped++;
        input.Acknowledge(qos, skippedId, input.IsDuplicate(qos, skippedId));
        return true;
    }
}
