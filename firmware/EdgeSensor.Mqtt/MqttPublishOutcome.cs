namespace EdgeSensor.Mqtt;

/// <summary>How a QoS 1/2 message's flow ended, as <see cref="IMqttSessionHandler.OnPublishCompleted"/> reports it.</summary>
public enum MqttPublishOutcome
{
    /// <summary>PUBACK (QoS 1) or PUBCOMP (QoS 2) came.</summary>
    Acknowledged,

    /// <summary>QoS 2: PUBREC came, then a reconnect found no session on the broker, so no PUBCOMP will; the broker has the message.</summary>
    SessionLost,

    /// <summary>Streamed payload: its source failed (see <see cref="IMqttPayloadSource"/>); the message was dropped.</summary>
    SourceFailed,
}
