namespace EdgeSensor.Mqtt.Codec;

/// <summary>
/// One decoded packet, as offsets into the buffer it was decoded from: nothing is copied.
/// A single instance is reused for every packet; only the fields of its <see cref="Type"/> are meaningful.
/// Not sealed: a test broker's packet adds the fields of CONNECT, which a client never decodes.
/// </summary>
public class MqttPacket
{
    public byte[] Buffer;
    public MqttPacketType Type;
    public int Flags;

    /// <summary>PUBLISH (QoS 1/2), PUBACK, PUBREC, PUBREL, PUBCOMP, SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK.</summary>
    public int PacketId;

    // PUBLISH
    public MqttQos Qos;
    public bool Retain;
    public bool Dup;
    public int TopicOffset;
    public int TopicLength;

    /// <summary>PUBLISH payload, SUBACK return codes (and, for a test broker, CONNECT/SUBSCRIBE/UNSUBSCRIBE payloads).</summary>
    public int PayloadOffset;
    public int PayloadLength;

    // CONNACK
    public bool SessionPresent;
    public MqttConnectReturnCode ReturnCode;

    internal void Reset(byte[] buffer, MqttPacketType type, int flags)
    {
        Buffer = buffer;
        Type = type;
        Flags = flags;
        PacketId = 0;
        Qos = MqttQos.AtMostOnce;
        Retain = false;
        Dup = false;
        TopicOffset = TopicLength = PayloadOffset = PayloadLength = 0;
        SessionPresent = false;
        ReturnCode = MqttConnectReturnCode.Accepted;
    }
}
