using System.Threading;

namespace EdgeSensor.Mqtt.Driver;

/// <summary>The session's callbacks in <see cref="MqttClient"/>, on the I/O thread: the client's own bookkeeping, then the application's.</summary>
sealed class ClientCallbacks : IMqttSessionHandler
{
    readonly IMqttSessionHandler application;
    readonly ReconnectBackoff backoff;
    readonly IMonotonicClock clock;
    readonly ManualResetEvent connected;
    readonly AutoResetEvent progress;
    public readonly PublishWaiters Waiters = new PublishWaiters();

    public ClientCallbacks(IMqttSessionHandler application, ReconnectBackoff backoff, IMonotonicClock clock, ManualResetEvent connected, AutoResetEvent progress)
    {
        this.application = application;
        this.backoff = backoff;
        this.clock = clock;
        this.connected = connected;
        this.progress = progress;
    }

    public void OnConnected(bool sessionPresent)
    {
        backoff.Connected(clock.NowMs);
        application.OnConnected(sessionPresent);
        connected.Set(); // after the application's own handling, so that a waiter sees its effects
    }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        connected.Reset();
        progress.Set();
        application.OnDisconnected(reason, returnCode);
    }

    public void OnMessage(MqttMessage message) => application.OnMessage(message);

    public void OnSubscribeResult(int subscriptionIndex, int returnCode) => application.OnSubscribeResult(subscriptionIndex, returnCode);

    public void OnUnsubscribed(int subscriptionIndex) => application.OnUnsubscribed(subscriptionIndex);

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
    {
        application.OnPublishCompleted(messageId, outcome);
        Waiters.Completed(messageId); // after the application's own handling, as for OnConnected
    }
}
