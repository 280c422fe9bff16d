namespace EdgeSensor.Mqtt;

/// <summary>How the client drives its session: reconnect policy and I/O timing.</summary>
public sealed class MqttClientOptions
{
    public MqttConnectOptions Connect = new MqttConnectOptions();
    public MqttSessionOptions Session = new MqttSessionOptions();

    public int InitialReconnectDelayMs = 1000;
    public int MaxReconnectDelayMs = 60000;

    /// <summary>A connection that lasted this long resets the backoff.</summary>
    public int StableConnectionMs = 30000;

    /// <summary>Seeds the jitter; devices pass something unique (e.g. from the MAC) so a fleet spreads out.</summary>
    public int JitterSeed = 1;

    /// <summary>The longest the I/O thread blocks in a read, so that it notices Stop() promptly.</summary>
    public int MaxReadWaitMs = 1000;
}
