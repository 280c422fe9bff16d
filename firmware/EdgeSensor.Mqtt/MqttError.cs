namespace EdgeSensor.Mqtt;

/// <summary>
/// Why a packet, a topic or a string was refused. Every malformed input maps to one
/// of these; the session closes the connection with it as the reason [MQTT-4.8.0-1].
/// </summary>
public enum MqttError
{
    None = 0,

    // Framing
    MalformedRemainingLength,
    PacketTooShort,
    PacketTooLong,
    UnknownPacketType,
    ReservedFlags,

    // Fields
    InvalidQos,
    ZeroPacketId,
    DupOnQos0,
    InvalidUtf8,
    EmptyTopic,
    WildcardInTopicName,
    InvalidTopicFilter,
    EmptySubscription,
    UnknownProtocol,
    ReservedConnectFlag,
    InvalidConnectFlags,
    UnknownConnackCode,
    UnknownSubackCode,
    StringTooLong,

    // Session
    UnexpectedPacket,
    UnknownPacketId,
    KeepAliveTimeout,
    ConnectTimeout,
    ConnectionRefused,
    TransportClosed,

    /// <summary>The transport could not be opened (unreachable, refused, TLS validation): see MqttClient.LastTransportError.</summary>
    ConnectFailed,
    ClosedByClient,

    /// <summary>The source of a streamed payload failed mid-packet (see <see cref="IMqttPayloadSource"/>).</summary>
    PayloadSourceFailed,
}
