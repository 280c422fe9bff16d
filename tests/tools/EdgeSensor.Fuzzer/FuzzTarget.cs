namespace EdgeSensor.Fuzzer;

/// <summary>What a case is run against.</summary>
public enum FuzzTarget
{
    /// <summary>MqttDecoder: the bytes framed packet by packet and decoded.</summary>
    Decoder,

    /// <summary>A connected MqttSession fed the bytes in random chunks with a moving fake clock.</summary>
    Session,
}
