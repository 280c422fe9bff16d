namespace EdgeSensor.Mqtt
{
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
    }
}
