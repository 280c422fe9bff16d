using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// The application's subscriptions, by index, and their SUBSCRIBE/UNSUBSCRIBE flows. Filters are encoded once
/// when added, so routing an incoming message and re-subscribing after a reconnect work on bytes.
/// </summary>
public sealed class SubscriptionTable
{
    readonly byte[][] filters;
    readonly MqttQos[] qos;
    readonly SubscriptionState[] states;
    readonly int[] packetIds;
    readonly byte[] granted;

    public SubscriptionTable(int capacity)
    {
        filters = new byte[capacity][];
        qos = new MqttQos[capacity];
        states = new SubscriptionState[capacity];
        packetIds = new int[capacity];
        granted = new byte[capacity];
    }

    public int Capacity => states.Length;

    public SubscriptionState State(int index) => states[index];

    /// <summary>The slot's result as the application reads it: an <see cref="MqttSubscribeResult"/> code, or the QoS granted.</summary>
    public int Result(int index)
    {
        switch (index < 0 || index >= states.Length ? SubscriptionState.Free : states[index])
        {
            case SubscriptionState.Free: return MqttSubscribeResult.Unsubscribed;
            case SubscriptionState.Active: return granted[index];
            case SubscriptionState.Refused: return MqttSubscribeResult.Failure;
            case SubscriptionState.Unsubscribing:
            case SubscriptionState.UnsubscribeSent: return MqttSubscribeResult.Unsubscribing;
            default: return MqttSubscribeResult.Pending;
        }
    }

    public void SetState(int index, SubscriptionState state, int packetId)
    {
        states[index] = state;
        packetIds[index] = packetId;
    }

    public int PacketId(int index) => packetIds[index];

    /// <summary>Finds <paramref name="count"/> consecutive free slots; returns the first, or -1.</summary>
    int FindFree(int count)
    {
        int run = 0;
        for (int i = 0; i < states.Length; i++)
        {
            run = states[i] == SubscriptionState.Free ? run + 1 : 0;
            if (run == count) return i - count + 1;
        }
        return -1;
    }

    /// <summary>The refused slot that holds <paramref name="filter"/>, byte for byte, or -1.</summary>
    int FindRefused(byte[] filter)
    {
        for (int i = 0; i < states.Length; i++)
        {
            byte[] f = filters[i];
            if (states[i] != SubscriptionState.Refused || f.Length != filter.Length) continue;
            int k = 0;
            while (k < f.Length && f[k] == filter[k]) k++;
            if (k == f.Length) return i;
        }
        return -1;
    }

    public void Set(int index, byte[] filter, MqttQos requested)
    {
        filters[index] = filter;
        qos[index] = requested;
        SetState(index, SubscriptionState.Pending, 0);
    }

    /// <summary>
    /// Adds filters in consecutive slots, to go out in one SUBSCRIBE; returns the first slot, or
    /// <see cref="MqttSubscribeResult.InvalidFilter"/> or <see cref="MqttSubscribeResult.NoFreeSlot"/> (nothing added).
    /// One filter that the broker refused before is asked for again in its slot, which keeps its index.
    /// </summary>
    public int Add(string[] filters, MqttQos[] qos)
    {
        if (filters.Length == 0 || filters.Length != qos.Length) return MqttSubscribeResult.InvalidFilter;
        // Encoded once here: routing and re-subscribing then work on bytes.
        byte[][] encoded = new byte[filters.Length][];
        for (int i = 0; i < filters.Length; i++)
        {
            string filter = filters[i];
            int length = MqttUtf8.ByteCount(filter);
            // Empty, not valid UTF-8, too long, a misplaced wildcard [MQTT-4.7.1-2] [MQTT-4.7.1-3], or a QoS above 2.
            bool valid = length > 0 && length <= 65535 && qos[i] <= MqttQos.ExactlyOnce;
            if (valid)
            {
                encoded[i] = new byte[length];
                MqttUtf8.Encode(filter, encoded[i], 0);
                valid = MqttTopic.ValidateFilter(encoded[i], 0, length) == MqttError.None;
            }
            if (!valid) return MqttSubscribeResult.InvalidFilter;
        }
        int first = filters.Length == 1 ? FindRefused(encoded[0]) : -1;
        if (first < 0) first = FindFree(filters.Length);
        if (first < 0) return MqttSubscribeResult.NoFreeSlot;
        for (int i = 0; i < filters.Length; i++) Set(first + i, encoded[i], qos[i]);
        return first;
    }

    /// <summary>Stops routing to the subscription; false when it was free or already removed. UNSUBSCRIBE goes out with the next <see cref="Transmit"/>.</summary>
    public bool Remove(int index)
    {
        if (index < 0 || index >= states.Length) return false;
        SubscriptionState s = states[index];
        if (s == SubscriptionState.Free || s == SubscriptionState.Unsubscribing || s == SubscriptionState.UnsubscribeSent) return false;
        SetState(index, SubscriptionState.Unsubscribing, 0);
        return true;
    }

    /// <summary>The first live subscription whose filter matches the topic, or -1.</summary>
    public int Match(byte[] topic, int offset, int length)
    {
        for (int i = 0; i < states.Length; i++)
        {
            SubscriptionState s = states[i];
            if (s != SubscriptionState.Pending && s != SubscriptionState.Subscribing && s != SubscriptionState.Active) continue;
            byte[] f = filters[i];
            if (MqttTopic.Matches(f, 0, f.Length, topic, offset, length)) return i;
        }
        return -1;
    }

    public bool UsesPacketId(int packetId)
    {
        for (int i = 0; i < states.Length; i++)
        {
            if (packetIds[i] == packetId
                && (states[i] == SubscriptionState.Subscribing || states[i] == SubscriptionState.UnsubscribeSent)) return true;
        }
        return false;
    }

    /// <summary>Queues SUBSCRIBE for each run of pending filters and UNSUBSCRIBE for each removed one, while there is room.</summary>
    internal void Transmit(SendBuffer output, PacketIds ids)
    {
        for (int i = 0; i < states.Length; i++)
        {
            SubscriptionState s = states[i];
            if (s != SubscriptionState.Pending && s != SubscriptionState.Unsubscribing) continue;
            bool subscribe = s == SubscriptionState.Pending;
            int run = 1;
            while (subscribe && i + run < states.Length && states[i + run] == SubscriptionState.Pending) run++;
            int id = ids.Next();
            int at = output.MakeRoom(0);
            int written = at < 0 ? -1 : subscribe
                ? MqttEncoder.Subscribe(output.Bytes, at, id, filters, qos, i, run)
                : MqttEncoder.Unsubscribe(output.Bytes, at, id, filters, i, 1);
            if (written < 0) return;
            output.Commit(written);
            for (int k = i; k < i + run; k++) SetState(k, subscribe ? SubscriptionState.Subscribing : SubscriptionState.UnsubscribeSent, id);
            i += run - 1;
        }
    }

    /// <summary>SUBACK: one code per filter of the SUBSCRIBE, in order; each is reported to the handler.</summary>
    internal void OnSuback(MqttPacket packet, IMqttSessionHandler handler)
    {
        int code = 0;
        for (int i = 0; i < states.Length && code < packet.PayloadLength; i++)
        {
            if (states[i] != SubscriptionState.Subscribing || packetIds[i] != packet.PacketId) continue;
            int result = packet.Buffer[packet.PayloadOffset + code++];
            SetState(i, result == MqttSubscribeResult.Failure ? SubscriptionState.Refused : SubscriptionState.Active, 0);
            granted[i] = (byte)result;
            handler.OnSubscribeResult(i, result);
        }
    }

    /// <summary>UNSUBACK: the slot of the UNSUBSCRIBE with its packet identifier [MQTT-3.11.2-1] is free, and the handler is told.</summary>
    internal void OnUnsuback(int packetId, IMqttSessionHandler handler)
    {
        for (int i = 0; i < states.Length; i++)
        {
            if (states[i] == SubscriptionState.UnsubscribeSent && packetIds[i] == packetId) Free(i, handler);
        }
    }

    void Free(int index, IMqttSessionHandler handler)
    {
        SetState(index, SubscriptionState.Free, 0);
        handler.OnUnsubscribed(index);
    }

    /// <summary>
    /// After CONNACK: with no session on the broker every live filter must be subscribed again and removed ones are
    /// simply gone (the handler is told); with a session, only requests whose answer was lost are repeated. A refused
    /// filter is not asked for again either way: the broker would refuse it again.
    /// </summary>
    public void OnConnected(bool sessionPresent, IMqttSessionHandler handler)
    {
        for (int i = 0; i < states.Length; i++)
        {
            SubscriptionState s = states[i];
            if (s == SubscriptionState.Free || s == SubscriptionState.Refused) continue;
            bool removing = s == SubscriptionState.Unsubscribing || s == SubscriptionState.UnsubscribeSent;
            if (!sessionPresent && removing) Free(i, handler);
            else if (!sessionPresent) SetState(i, SubscriptionState.Pending, 0);
            else if (s == SubscriptionState.Subscribing) SetState(i, SubscriptionState.Pending, 0);
            else if (s == SubscriptionState.UnsubscribeSent) SetState(i, SubscriptionState.Unsubscribing, 0);
        }
    }
}
