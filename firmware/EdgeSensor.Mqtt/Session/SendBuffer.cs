using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// Bytes waiting for the transport. Packets are appended at the end; the transport takes what is
/// pending from the start. While the transport holds ("borrows") the pending bytes, a writer thread
/// may be sending them outside the session's lock, so they are never moved: appends then go after them.
/// </summary>
public sealed class SendBuffer
{
    readonly byte[] bytes;
    int start;
    int end;
    bool borrowed;

    public SendBuffer(int size)
    {
        bytes = new byte[size];
    }

    public byte[] Bytes => bytes;

    public int Pending => end - start;

    /// <summary>A packet is being written in pieces (<see cref="StreamedPayload"/>): no other may start until it ends.</summary>
    public bool Closed;

    /// <summary>Where a packet of <paramref name="size"/> bytes can be written, or -1 when there is no room now.</summary>
    public int MakeRoom(int size)
    {
        if (Closed) return -1;
        if (bytes.Length - end < size) Compact();
        return bytes.Length - end >= size ? end : -1;
    }

    /// <summary>The free space at the end, and where it starts: room for the next piece of a packet written in pieces.</summary>
    public int Room(out int at)
    {
        Compact();
        at = end;
        return bytes.Length - end;
    }

    /// <summary>Moves the pending bytes to the front, unless the transport holds them.</summary>
    void Compact()
    {
        if (borrowed || start == 0) return;
        Array.Copy(bytes, start, bytes, 0, end - start);
        end -= start;
        start = 0;
    }

    /// <summary>Queues PUBACK, PUBREC, PUBREL or PUBCOMP; false when there is no room now.</summary>
    public bool AppendAck(MqttPacketType type, int packetId)
    {
        int at = MakeRoom(4);
        if (at < 0) return false;
        Commit(MqttEncoder.Ack(bytes, at, type, packetId));
        return true;
    }

    /// <summary>Queues PINGREQ or DISCONNECT; false when there is no room now.</summary>
    public bool AppendEmpty(MqttPacketType type)
    {
        int at = MakeRoom(2);
        if (at < 0) return false;
        Commit(MqttEncoder.Empty(bytes, at, type));
        return true;
    }

    /// <summary>Marks <paramref name="count"/> bytes written at the end (by an encoder) as pending.</summary>
    public void Commit(int count) => end += count;

    public int Borrow(out int offset)
    {
        offset = start;
        borrowed = end > start;
        return end - start;
    }

    public void Release(int written)
    {
        if (!borrowed) return; // cleared while the transport wrote: those bytes belonged to a closed connection
        start += written;
        borrowed = false;
        if (start == end) start = end = 0;
    }

    public void Clear()
    {
        start = end = 0;
        borrowed = false;
        Closed = false;
    }
}
