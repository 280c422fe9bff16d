namespace EdgeSensor.Mqtt;

/// <summary>What happens to a received message whose packet is larger than the receive buffer.</summary>
public enum MqttLargePayloadPolicy
{
    /// <summary>Delivered in chunks, in order, with the topic kept in view.</summary>
    Chunk,

    /// <summary>Skipped, acknowledged as its QoS requires, and counted in MessagesDropped.</summary>
    Drop,
}
