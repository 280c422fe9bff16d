using System;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.ThroughputClient;

/// <summary>Session events for a benchmark: says why a connection ended (on stderr) and forwards messages.</summary>
sealed class BenchHandler : IMqttSessionHandler
{
    public Action<MqttMessage> Message;
    public readonly ManualResetEventSlim Subscribed = new();

    public void OnConnected(bool sessionPresent) { }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        if (reason != MqttError.ClosedByClient) Console.Error.WriteLine("edgesensor-bench: connection ended: " + reason + " " + returnCode);
    }

    public void OnMessage(MqttMessage message) => Message?.Invoke(message);

    public void OnSubscribeResult(int subscriptionIndex, int returnCode) => Subscribed.Set();

    public void OnUnsubscribed(int subscriptionIndex) { }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
}
