namespace EdgeSensor.Mqtt.Session;

/// <summary>Where a QoS 1/2 message stands in its outgoing flow (MQTT 3.1.1 section 4.3).</summary>
public enum OutboxState : byte
{
    /// <summary>Stored, not yet transmitted on the current connection.</summary>
    Queued = 1,
    AwaitingPuback = 2,
    AwaitingPubrec = 3,
    AwaitingPubcomp = 4,
    Completed = 5,
}
