namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// Packet identifiers: counting up from 1, skipping 0 and any identifier still used by an outbox entry or a
/// SUBSCRIBE/UNSUBSCRIBE awaiting its answer [MQTT-2.3.1-2].
/// </summary>
sealed class PacketIds
{
    readonly Outbox outbox;
    readonly SubscriptionTable subscriptions;
    int last;

    public PacketIds(Outbox outbox, SubscriptionTable subscriptions)
    {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
    }

    public int Next()
    {
        while (true)
        {
            last = last == 65535 ? 1 : last + 1;
            bool inUse = subscriptions.UsesPacketId(last);
            for (int e = outbox.First; e >= 0 && !inUse; e = outbox.Next(e))
            {
                inUse = outbox.State(e) != OutboxState.Completed && outbox.PacketId(e) == last;
            }
            if (!inUse) return last;
        }
    }
}
