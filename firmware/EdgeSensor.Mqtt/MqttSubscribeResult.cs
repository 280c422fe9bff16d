namespace EdgeSensor.Mqtt;

/// <summary>
/// A subscription's result, per slot (<see cref="MqttClient.SubscriptionResult"/>): the SUBACK return code once it came
/// (0, 1, 2: the QoS granted [MQTT-3.9.3-1]; <see cref="Failure"/>: refused), else one of the negative codes. Subscribe
/// returns a negative code instead of an index when it refuses the request.
/// </summary>
public static class MqttSubscribeResult
{
    /// <summary>The broker refused the filter; it is not asked for again until the application subscribes anew.</summary>
    public const int Failure = 0x80;

    /// <summary>SUBSCRIBE not answered yet (or not sent yet: it goes out when connected).</summary>
    public const int Pending = -1;

    /// <summary>Unsubscribe was called; the UNSUBACK has not come yet.</summary>
    public const int Unsubscribing = -2;

    /// <summary>A free slot: unsubscribed (UNSUBACK came, or the broker had no session), or never used.</summary>
    public const int Unsubscribed = -3;

    /// <summary>Subscribe: empty, too long, a misplaced wildcard [MQTT-4.7.1-2] [MQTT-4.7.1-3], a QoS above 2, or no filter.</summary>
    public const int InvalidFilter = -4;

    /// <summary>Subscribe: no free slots (raise MqttSessionOptions.MaxSubscriptions).</summary>
    public const int NoFreeSlot = -5;
}
