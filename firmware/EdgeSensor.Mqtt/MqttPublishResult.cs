namespace EdgeSensor.Mqtt;

public enum MqttPublishResult
{
    /// <summary>QoS 0: in the send buffer. QoS 1/2: in the outbox, sent now or after the next connect.</summary>
    Accepted,

    /// <summary>QoS 0 is not kept while there is no connection.</summary>
    NotConnected,

    /// <summary>The outbox has no room: nothing was stored; try again after acknowledgements free space.</summary>
    OutboxFull,

    /// <summary>QoS 0 only: the send buffer is full until the transport writes; try again then.</summary>
    SendBufferFull,

    /// <summary>The packet is larger than the send buffer or the outbox.</summary>
    TooLarge,
    InvalidTopic,

    /// <summary>QoS not 0, 1 or 2; or 0 for a streamed payload, whose source is held until a flow completes and QoS 0 has none.</summary>
    InvalidQos,

    /// <summary>PublishAndWait only: the flow completed (QoS 1 PUBACK, QoS 2 PUBCOMP; QoS 0 accepted and written).</summary>
    Completed,

    /// <summary>PublishAndWait only: accepted, not completed in time; it stays in the outbox and OnPublishCompleted follows.</summary>
    TimedOut,
}
