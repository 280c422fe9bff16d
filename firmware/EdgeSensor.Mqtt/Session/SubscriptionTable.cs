using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session
{
    /// <summary>
    /// The application's subscriptions, by index: filters are encoded once when added, so routing an
    /// incoming message and re-subscribing after a reconnect work on bytes.
    /// </summary>
    public sealed class SubscriptionTable
    {
        readonly byte[][] filters;
        readonly MqttQos[] qos;
        readonly SubscriptionState[] states;
        readonly int[] packetIds;

        public SubscriptionTable(int capacity)
        {
            filters = new byte[capacity][];
            qos = new MqttQos[capacity];
            states = new SubscriptionState[capacity];
            packetIds = new int[capacity];
        }

        public int Capacity { get { return states.Length; } }

        public byte[][] Filters { get { return filters; } }

        public MqttQos[] Qos { get { return qos; } }

        public SubscriptionState State(int index) { return states[index]; }

        public void SetState(int index, SubscriptionState state, int packetId)
        {
            states[index] = state;
            packetIds[index] = packetId;
        }

        public int PacketId(int index) { return packetIds[index]; }

        /// <summary>Finds <paramref name="count"/> consecutive free slots; returns the first, or -1.</summary>
        public int FindFree(int count)
        {
            int run = 0;
            for (int i = 0; i < states.Length; i++)
            {
                run = states[i] == SubscriptionState.Free ? run + 1 : 0;
                if (run == count) return i - count + 1;
            }
            return -1;
        }

        public void Set(int index, byte[] filter, MqttQos requested)
        {
            filters[index] = filter;
            qos[index] = requested;
            SetState(index, SubscriptionState.Pending, 0);
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

        /// <summary>
        /// After CONNACK: with no session on the broker every live filter must be subscribed again and
        /// removed ones are simply gone; with a session, only requests whose answer was lost are repeated.
        /// </summary>
        public void OnConnected(bool sessionPresent)
        {
            for (int i = 0; i < states.Length; i++)
            {
                SubscriptionState s = states[i];
                if (s == SubscriptionState.Free) continue;
                bool removing = s == SubscriptionState.Unsubscribing || s == SubscriptionState.UnsubscribeSent;
                if (!sessionPresent) SetState(i, removing ? SubscriptionState.Free : SubscriptionState.Pending, 0);
                else if (s == SubscriptionState.Subscribing) SetState(i, SubscriptionState.Pending, 0);
                else if (s == SubscriptionState.UnsubscribeSent) SetState(i, SubscriptionState.Unsubscribing, 0);
            }
        }
    }
}
