namespace EdgeSensor.Mqtt.Session;

public enum SubscriptionState : byte
{
    Free = 0,

    /// <summary>Wanted; SUBSCRIBE goes out when connected.</summary>
    Pending,

    /// <summary>SUBSCRIBE sent, SUBACK awaited.</summary>
    Subscribing,
    Active,

    /// <summary>The broker answered 0x80 for this filter.</summary>
    Refused,

    /// <summary>Removed by the application; UNSUBSCRIBE goes out when connected.</summary>
    Unsubscribing,

    /// <summary>UNSUBSCRIBE sent, UNSUBACK awaited.</summary>
    UnsubscribeSent,
}
