namespace EdgeSensor.Mqtt;

/// <summary>Sizes and limits of a session. Every buffer is allocated once, from these, when the session is built.</summary>
public sealed class MqttSessionOptions
{
    public int ReceiveBufferSize = 1024;
    public int SendBufferSize = 1024;

    /// <summary>Bytes for QoS 1/2 messages between the publish call and their acknowledgement.</summary>
    public int OutboxSize = 4096;

    /// <summary>QoS 1/2 messages transmitted and not yet acknowledged, at most.</summary>
    public int InflightWindow = 20;
    public int MaxSubscriptions = 8;

    /// <summary>
    /// Received QoS 2 messages awaiting PUBREL that are remembered (2 bytes each); past it the oldest is
    /// forgotten and counted in ReleasesForgotten.
    /// </summary>
    public int MaxPendingReleases = 64;
    public int ConnectTimeoutMs = 10000;

    /// <summary>
    /// After a PINGREQ is due, how long the link may stay silent: the link is declared dead when nothing has
    /// arrived for KeepAlive + PingTimeout. Zero means half the keepalive, so the bound is 1.5 x KeepAlive,
    /// the same bound the broker applies to the client [MQTT-3.1.2-24].
    /// </summary>
    public int PingTimeoutMs;
    public MqttLargePayloadPolicy LargePayloads = MqttLargePayloadPolicy.Chunk;
}
