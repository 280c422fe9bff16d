namespace EdgeSensor.Mqtt;

/// <summary>What the session tells its owner. Called on the thread that feeds the session, inside its calls.</summary>
public interface IMqttSessionHandler
{
    void OnConnected(bool sessionPresent);

    /// <summary>The connection is over; <paramref name="returnCode"/> is meaningful when the reason is ConnectionRefused.</summary>
    void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode);

    void OnMessage(MqttMessage message);

    /// <summary>A SUBACK's code for one filter: the granted QoS, or <see cref="MqttSubscribeResult.Failure"/>.</summary>
    void OnSubscribeResult(int subscriptionIndex, int returnCode);

    /// <summary>
    /// An unsubscribed filter is gone: its UNSUBACK came, or a reconnect found no session on the broker. The slot is
    /// free from now on and a later Subscribe may reuse its index.
    /// </summary>
    void OnUnsubscribed(int subscriptionIndex);

    /// <summary>
    /// The QoS 1/2 message that Publish(..., out messageId) numbered has completed its flow. Follows the PUBACK or
    /// PUBCOMP at once, in the order they come; never for QoS 0 (its id is 0).
    /// </summary>
    void OnPublishCompleted(int messageId, MqttPublishOutcome outcome);
}
