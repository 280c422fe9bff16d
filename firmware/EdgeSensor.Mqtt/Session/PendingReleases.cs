namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// Packet identifiers of QoS 2 messages received and delivered but not yet released by PUBREL, oldest first:
/// a PUBLISH arriving again with one of them is a duplicate and is not delivered again [MQTT-4.3.3-2].
/// MQTT 3.1.1 gives the client no way to bound how many the broker opens (mosquitto 2.0.11 was seen with 72
/// where 20 were configured), so when the set is full the oldest is forgotten rather than the connection lost.
/// </summary>
public sealed class PendingReleases
{
    readonly ushort[] ids; // packet identifiers are 16-bit
    int count;

    public PendingReleases(int capacity)
    {
        ids = new ushort[capacity < 1 ? 1 : capacity];
    }

    /// <summary>Identifiers dropped to make room; each could, in theory, let a late duplicate through.</summary>
    public long Forgotten;

    public bool Contains(int packetId) => IndexOf(packetId) >= 0;

    public void Add(int packetId)
    {
        if (count == ids.Length)
        {
            RemoveAt(0);
            Forgotten++;
        }
        ids[count++] = (ushort)packetId;
    }

    public void Remove(int packetId)
    {
        int i = IndexOf(packetId);
        if (i >= 0) RemoveAt(i);
    }

    public void Clear() => count = 0;

    void RemoveAt(int index)
    {
        count--;
        for (int i = index; i < count; i++) ids[i] = ids[i + 1];
    }

    int IndexOf(int packetId)
    {
        for (int i = 0; i < count; i++)
        {
            if (ids[i] == packetId) return i;
        }
        return -1;
    }
}
