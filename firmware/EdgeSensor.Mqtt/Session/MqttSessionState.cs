namespace EdgeSensor.Mqtt.Session;

public enum MqttSessionState
{
    Disconnected,

    /// <summary>CONNECT is written; waiting for CONNACK.</summary>
    Connecting,
    Connected,

    /// <summary>DISCONNECT is queued: the owner closes the transport once the output is written.</summary>
    Closing,
}
