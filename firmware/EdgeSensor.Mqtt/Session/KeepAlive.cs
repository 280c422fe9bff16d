namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// The connection's timers [MQTT-3.1.2-23]: CONNACK within the connect timeout, a PINGREQ when nothing was sent or
/// nothing received for the keepalive period, and a dead link when nothing at all arrived for KeepAlive + PingTimeout.
/// Silence is measured on what arrives, not on what is sent: a client that publishes all the time still notices a
/// half-open link, because the broker's answers stop.
/// </summary>
sealed class KeepAlive
{
    readonly long connectTimeoutMs;
    readonly long pingTimeoutOption;
    long keepAliveMs;
    long pingTimeoutMs;
    long startedAt;

    // Set by the session as bytes move and PINGREQ/PINGRESP pass.
    public long LastSentAt;
    public long LastReceivedAt;
    public bool PingOutstanding;

    public KeepAlive(int connectTimeoutMs, int pingTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        pingTimeoutOption = pingTimeoutMs;
    }

    /// <summary>CONNECT is queued at <paramref name="now"/>: every timer starts from it.</summary>
    public void Start(int keepAliveSeconds, long now)
    {
        keepAliveMs = keepAliveSeconds * 1000L;
        pingTimeoutMs = pingTimeoutOption > 0 ? pingTimeoutOption : keepAliveMs / 2;
        startedAt = LastSentAt = LastReceivedAt = now;
        PingOutstanding = false;
    }

    /// <summary>
    /// Why the connection has run out of time (ConnectTimeout, KeepAliveTimeout), or None. The link is dead when nothing
    /// arrived for KeepAlive + PingTimeout, and stuck when nothing could be written for that long: a PINGREQ is due
    /// after KeepAlive without sending, so a peer that sends without reading is caught too, and so is one that never
    /// answers PINGREQ.
    /// </summary>
    public MqttError Expired(MqttSessionState state, long now)
    {
        if (state == MqttSessionState.Connecting) return now - startedAt >= connectTimeoutMs ? MqttError.ConnectTimeout : MqttError.None;
        if (state != MqttSessionState.Connected || keepAliveMs == 0) return MqttError.None;
        return now - Quiet() >= keepAliveMs + pingTimeoutMs ? MqttError.KeepAliveTimeout : MqttError.None;
    }

    /// <summary>The older of the last byte received and the last byte written.</summary>
    long Quiet() => LastSentAt < LastReceivedAt ? LastSentAt : LastReceivedAt;

    /// <summary>A connected session should send PINGREQ now.</summary>
    public bool PingDue(long now)
    {
        if (keepAliveMs == 0 || PingOutstanding) return false;
        return now - LastSentAt >= keepAliveMs || now - LastReceivedAt >= keepAliveMs;
    }

    /// <summary>How long until a timer is due; a second while no timer runs, so an owner never waits forever.</summary>
    public long MillisecondsUntilDue(MqttSessionState state, long now)
    {
        long due;
        if (state == MqttSessionState.Connecting) due = startedAt + connectTimeoutMs;
        else if (state != MqttSessionState.Connected || keepAliveMs == 0) return 1000;
        else
        {
            // A PINGREQ is due, unless it is out or found no room (the output is stuck): then the link's deadline is.
            due = Quiet() + keepAliveMs;
            if (PingOutstanding || due <= now) due += pingTimeoutMs;
        }
        return due > now ? due - now : 0;
    }
}
