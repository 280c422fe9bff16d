namespace EdgeSensor.Mqtt.Codec
{
    /// <summary>
    /// One decoded packet, as offsets into the buffer it was decoded from: nothing is copied.
    /// A single instance is reused for every packet; only the fields of its <see cref="Type"/> are meaningful.
    /// </summary>
    public sealed class MqttPacket
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

        /// <summary>PUBLISH payload, CONNECT/SUBSCRIBE/UNSUBSCRIBE payload region, SUBACK return codes.</summary>
        public int PayloadOffset;
        public int PayloadLength;

        // CONNACK
        public bool SessionPresent;
        public MqttConnectReturnCode ReturnCode;

        // CONNECT
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
            HasWill = HasUserName = HasPassword = false;
        }
    }
}
