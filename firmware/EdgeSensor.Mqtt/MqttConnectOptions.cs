namespace EdgeSensor.Mqtt;

/// <summary>What goes into CONNECT (MQTT 3.1.1 section 3.1). Secrets stay bytes: they are never turned into text.</summary>
public sealed class MqttConnectOptions
{
    public string ClientId = "";
    public bool CleanSession = true;
    public int KeepAliveSeconds = 60;
    public string UserName;
    public byte[] Password;

    /// <summary>The will is published by the broker when the connection ends without DISCONNECT.</summary>
    public string WillTopic;
    public byte[] WillPayload;
    public MqttQos WillQos;
    public bool WillRetain;

    /// <summary>None when CONNECT can carry these options; else the rule they break.</summary>
    internal MqttError Validate()
    {
        int idLength = MqttUtf8.ByteCount(ClientId);
        if (idLength < 0 || idLength > 65535) return MqttError.InvalidUtf8;
        if (idLength == 0 && !CleanSession) return MqttError.InvalidConnectFlags; // [MQTT-3.1.3-7]
        if (KeepAliveSeconds < 0 || KeepAliveSeconds > 65535) return MqttError.InvalidConnectFlags;
        if (Password != null && UserName == null) return MqttError.InvalidConnectFlags; // [MQTT-3.1.2-22]
        // Every string and binary field carries a two-byte length (section 1.5.3).
        int userLength = UserName == null ? 0 : MqttUtf8.ByteCount(UserName);
        if (userLength < 0) return MqttError.InvalidUtf8;
        if (userLength > 65535 || (Password != null && Password.Length > 65535)) return MqttError.StringTooLong;
        if (WillTopic == null) return MqttError.None;
        if (WillQos > MqttQos.ExactlyOnce) return MqttError.InvalidQos;
        int willLength = MqttUtf8.ByteCount(WillTopic);
        if (willLength <= 0) return MqttError.EmptyTopic;
        if (WillTopic.IndexOf('+') >= 0 || WillTopic.IndexOf('#') >= 0) return MqttError.WildcardInTopicName;
        if (willLength > 65535 || (WillPayload != null && WillPayload.Length > 65535)) return MqttError.StringTooLong;
        return MqttError.None;
    }
}
