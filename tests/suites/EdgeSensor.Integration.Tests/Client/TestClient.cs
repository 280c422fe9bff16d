using System;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>An <see cref="MqttClient"/> on a real transport with a <see cref="RecordingHandler"/>; Dispose stops it gracefully.</summary>
sealed class TestClient : IDisposable
{
    static readonly int DeadlineMs = (int)RecordingHandler.Deadline.TotalMilliseconds;

    public TestClient(IMqttTransport transport, MqttClientOptions options)
    {
        Transport = transport;
        Client = new MqttClient(transport, new SystemClock(), options, Handler);
    }

    public IMqttTransport Transport { get; }

    public RecordingHandler Handler { get; } = new RecordingHandler();

    public MqttClient Client { get; }

    /// <summary>Options for tests: a unique client id and quick reconnects, so that a restarted broker is found again soon.</summary>
    public static MqttClientOptions DefaultOptions(string clientId)
    {
        var options = new MqttClientOptions { InitialReconnectDelayMs = 100, MaxReconnectDelayMs = 1000, MaxReadWaitMs = 200 };
        options.Connect.ClientId = clientId;
        options.Connect.KeepAliveSeconds = 30;
        options.Session.ConnectTimeoutMs = DeadlineMs;
        return options;
    }

    /// <summary>A started client over plain TCP to <paramref name="broker"/>; <paramref name="configure"/> adjusts the options first.</summary>
    public static TestClient Tcp(PrivateBroker broker, string purpose, Action<MqttClientOptions> configure = null)
    {
        MqttClientOptions options = DefaultOptions(TestTopics.UniqueClientId(purpose));
        configure?.Invoke(options);
        var client = new TestClient(new TcpTransport(broker.Host, broker.Port), options);
        client.Client.Start();
        return client;
    }

    /// <summary>As <see cref="Tcp"/>, and waits for the CONNACK.</summary>
    public static TestClient Connected(PrivateBroker broker, string purpose, Action<MqttClientOptions> configure = null)
    {
        TestClient client = Tcp(broker, purpose, configure);
        try
        {
            client.WaitForConnection();
            return client;
        }
        catch
        {
            client.Dispose(); // a client left running would keep reconnecting for the rest of the test run
            throw;
        }
    }

    /// <summary>Waits for the CONNACK and for the handler to have heard of it (the client signals waiters before its callback).</summary>
    public void WaitForConnection()
    {
        Handler.WaitUntil(() => Handler.Connections > 0, "the first connection");
        Assert.True(Client.WaitForConnection(DeadlineMs), "not connected within the deadline; disconnections: " + string.Join(", ", Handler.Disconnections));
    }

    /// <summary>Subscribes and waits for the SUBACK, which must grant <paramref name="qos"/>.</summary>
    public int Subscribe(string filter, MqttQos qos)
    {
        int index = Client.Subscribe(filter, qos);
        Assert.Equal((int)qos, Handler.WaitForSubscribeResult(index));
        return index;
    }

    /// <summary>Publishes, waiting for outbox room when it is full; fails when no room frees up within the deadline.</summary>
    public void Publish(string topic, string payload, MqttQos qos, bool retain = false)
    {
        Publish(topic, Encoding.UTF8.GetBytes(payload), qos, retain);
    }

    public void Publish(string topic, byte[] payload, MqttQos qos, bool retain = false)
    {
        while (true)
        {
            MqttPublishResult result = Client.Publish(topic, payload, 0, payload.Length, qos, retain);
            if (result == MqttPublishResult.Accepted)
            {
                return;
            }

            Assert.Equal(MqttPublishResult.OutboxFull, result);
            Assert.True(Client.WaitForProgress(DeadlineMs), "no outbox room freed within the deadline");
        }
    }

    /// <summary>Waits until <paramref name="count"/> QoS 1/2 publishes have completed their flows.</summary>
    public void WaitForCompletedPublishes(long count)
    {
        DateTime deadline = DateTime.UtcNow + RecordingHandler.Deadline;
        while (Client.PublishesCompleted < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "only " + Client.PublishesCompleted + " of " + count + " publishes completed");
            Client.WaitForProgress(DeadlineMs);
        }
    }

    public void Dispose()
    {
        Client.Stop(DeadlineMs);
    }
}
