using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// The application side of a benchmarked session: counts deliveries and does nothing else, so the
/// measurement is the session's own work. A lost connection would invalidate every number: it throws.
/// </summary>
sealed class CountingHandler : IMqttSessionHandler
{
    public long Messages;
    public int LastSubscriptionIndex = -1;

    public void OnConnected(bool sessionPresent) { }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) =>
        throw new InvalidOperationException("the benchmarked session disconnected: " + reason);

    public void OnMessage(MqttMessage message)
    {
        Messages++;
        LastSubscriptionIndex = message.SubscriptionIndex;
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

    public void OnUnsubscribed(int subscriptionIndex) { }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
}
