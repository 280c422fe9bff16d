namespace EdgeSensor.Mqtt
{
    /// <summary>
    /// Packet identifiers of QoS 2 messages received and delivered but not yet released by PUBREL:
    /// a PUBLISH arriving again with one of them is a duplicate and is not delivered again [MQTT-4.3.3-2].
    /// </summary>
    public sealed class PendingReleases
    {
        readonly int[] ids;
        int count;

        public PendingReleases(int capacity)
        {
            ids = new int[capacity];
        }

        public int Count { get { return count; } }

        public bool IsFull { get { return count == ids.Length; } }

        public bool Contains(int packetId)
        {
            return IndexOf(packetId) >= 0;
        }

        public void Add(int packetId)
        {
            ids[count++] = packetId;
        }

        public void Remove(int packetId)
        {
            int i = IndexOf(packetId);
            if (i < 0) return;
            count--;
            ids[i] = ids[count];
        }

        public void Clear()
        {
            count = 0;
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
}
