using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// A fixed-size byte ring of encoded QoS 1/2 PUBLISH packets, kept from the publish call until
/// the flow completes, so they can go out after a reconnect in their original order. It never grows:
/// when a packet does not fit, <see cref="TryAppend"/> says so and the caller reports "outbox full".
/// Entries are addressed by the offset of their header; each is laid out as
/// [state][times sent][packet id: 2][packet length: 4][packet bytes].
/// </summary>
public sealed class Outbox
{
    const int HeaderSize = 8;
    const int NoWrap = -1;

    readonly byte[] storage;
    int head;
    int tail;
    int wrapAt = NoWrap;
    int count;

    public Outbox(int capacityBytes)
    {
        storage = new byte[capacityBytes];
    }

    public byte[] Storage => storage;

    /// <summary>Messages stored, completed ones not yet reclaimed included.</summary>
    public int Count => count;

    public int Capacity => storage.Length;

    /// <summary>Bytes taken by entries, headers and the unused end of a wrapped ring included.</summary>
    public int BytesUsed
    {
        get
        {
            if (count == 0) return 0;
            // Wrapped, the bytes past wrapAt cannot take an entry until the head has passed them.
            return wrapAt == NoWrap ? tail - head : storage.Length - (head - tail);
        }
    }

    /// <summary>The first entry, or -1 when empty.</summary>
    public int First => count == 0 ? -1 : head;

    /// <summary>The entry after <paramref name="entry"/>, or -1 at the end.</summary>
    public int Next(int entry)
    {
        int next = entry + HeaderSize + PacketLength(entry);
        if (next == tail) return -1;
        if (next == wrapAt) return 0;
        return next;
    }

    /// <summary>Reserves room for a packet of <paramref name="packetLength"/> bytes; returns the entry, or -1 when full.</summary>
    public int TryAppend(int packetLength)
    {
        int size = HeaderSize + packetLength;
        int entry = Reserve(size);
        if (entry < 0) return -1;
        storage[entry] = (byte)OutboxState.Queued;
        storage[entry + 1] = 0;
        BigEndian.WriteUInt16(storage, entry + 2, 0);
        storage[entry + 4] = (byte)(packetLength >> 24);
        storage[entry + 5] = (byte)(packetLength >> 16);
        storage[entry + 6] = (byte)(packetLength >> 8);
        storage[entry + 7] = (byte)packetLength;
        tail = entry + size;
        count++;
        return entry;
    }

    int Reserve(int size)
    {
        if (count == 0)
        {
            head = tail = 0;
            wrapAt = NoWrap;
            return size <= storage.Length ? 0 : -1;
        }
        if (wrapAt == NoWrap)
        {
            // Data lies in [head, tail): room after tail, else wrap to the front before head.
            if (storage.Length - tail >= size) return tail;
            if (head >= size)
            {
                wrapAt = tail;
                return 0;
            }
            return -1;
        }
        // Wrapped: data lies in [head, wrapAt) and [0, tail).
        return head - tail >= size ? tail : -1;
    }

    /// <summary>Frees completed entries at the front, so that order is kept and space is reused.</summary>
    public void ReclaimCompleted()
    {
        while (count > 0 && State(head) == OutboxState.Completed)
        {
            int next = head + HeaderSize + PacketLength(head);
            count--;
            if (count == 0)
            {
                head = tail = 0;
                wrapAt = NoWrap;
                return;
            }
            if (next == wrapAt)
            {
                next = 0;
                wrapAt = NoWrap;
            }
            head = next;
        }
    }

    public OutboxState State(int entry) => (OutboxState)storage[entry];

    public void SetState(int entry, OutboxState state) => storage[entry] = (byte)state;

    /// <summary>Times the PUBLISH has been transmitted; after the first, re-deliveries carry DUP [MQTT-3.3.1-1].</summary>
    public int TimesSent(int entry) => storage[entry + 1];

    public void CountSent(int entry)
    {
        if (storage[entry + 1] < 255) storage[entry + 1]++;
    }

    public int PacketId(int entry) => BigEndian.ReadUInt16(storage, entry + 2);

    public void SetPacketId(int entry, int packetId) => BigEndian.WriteUInt16(storage, entry + 2, packetId);

    public int PacketOffset(int entry) => entry + HeaderSize;

    public int PacketLength(int entry)
        => (storage[entry + 4] << 24) | (storage[entry + 5] << 16) | (storage[entry + 6] << 8) | storage[entry + 7];
}
