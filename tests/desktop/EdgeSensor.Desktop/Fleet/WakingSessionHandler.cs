using EdgeSensor.Mqtt;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// Passes the session's callbacks on to the device and remembers that one came, so that the shard ticks the
/// device right away (to announce after a connect, to apply a command) instead of at its next sampling time.
/// </summary>
sealed class WakingSessionHandler : IMqttSessionHandler
{
    readonly IMqttSessionHandler device;

    public WakingSessionHandler(IMqttSessionHandler device)
    {
        this.device = device;
    }

    bool woken;
    bool connected;

    /// <summary>True once after any callback.</summary>
    public bool TakeWake()
    {
        bool result = woken;
        woken = false;
        return result;
    }

    /// <summary>True once after a CONNACK accepted the connection.</summary>
    public bool TakeConnected()
    {
        bool result = connected;
        connected = false;
        return result;
    }

    public void OnConnected(bool sessionPresent)
    {
        woken = true;
        connected = true;
        device.OnConnected(sessionPresent);
    }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        woken = true;
        device.OnDisconnected(reason, returnCode);
    }

    public void OnMessage(MqttMessage message)
    {
        woken = true;
        device.OnMessage(message);
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        device.OnSubscribeResult(subscriptionIndex, returnCode);
    }

    public void OnUnsubscribed(int subscriptionIndex) => device.OnUnsubscribed(subscriptionIndex);

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) => device.OnPublishCompleted(messageId, outcome);
}
