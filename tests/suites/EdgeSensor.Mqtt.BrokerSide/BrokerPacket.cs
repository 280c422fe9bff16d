using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.BrokerSide;

/// <summary>A decoded packet with the fields of CONNECT too, as offsets into the buffer it was decoded from.</summary>
public sealed class BrokerPacket : MqttPacket
{
    public int ProtocolLevel;
    public bool CleanSession;
    public int KeepAliveSeconds;
    public int ClientIdOffset;
    public int ClientIdLength;
    public bool HasWill;
    public MqttQos WillQos;
    public bool WillRetain;
    public int WillTopicOffset;
    public int WillTopicLength;
    public int WillPayloadOffset;
    public int WillPayloadLength;
    public bool HasUserName;
    public int UserNameOffset;
    public int UserNameLength;
    public bool HasPassword;
    public int PasswordOffset;
    public int PasswordLength;
}
