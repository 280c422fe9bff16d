using System;
using System.IO;
using System.Text;
using System.Threading;
using EdgeSensor.Transports;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Harness.Observer;

/// <summary>
/// The harness's own MQTT connection, an operator's eyes and hands: it subscribes, hands every whole message to
/// a callback (on the client's I/O thread) and publishes commands. Opening it fails fast with a
/// <see cref="UserErrorException"/> instead of retrying forever, because a person is waiting at the prompt.
/// </summary>
sealed class ObserverClient : IMqttSessionHandler, IDisposable
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    readonly BrokerAddress broker;
    readonly MqttClient client;
    readonly ManualResetEventSlim failed = new();
    readonly CountdownEvent subscriptions = new(0);
    readonly MemoryStream payload = new();
    readonly Action<ObservedMessage> onMessage;
    string failure;
    string topic;
    bool retain;
    int subscribeFailures;

    ObserverClient(BrokerAddress broker, IMqttTransport transport, Credentials credentials, string role, Action<ObservedMessage> onMessage)
    {
        this.broker = broker;
        this.onMessage = onMessage;
        var options = new MqttClientOptions
        {
            Connect = new MqttConnectOptions
            {
                ClientId = "edgesensor-" + role + "-" + Environment.ProcessId + "-" + Random.Shared.Next(100000),
                CleanSession = true,
                KeepAliveSeconds = 30,
                UserName = credentials.UserName,
                Password = credentials.PasswordBytes,
            },
            Session = new MqttSessionOptions { ReceiveBufferSize = 4096, SendBufferSize = 2048, MaxSubscriptions = 16 },
            InitialReconnectDelayMs = 500,
            MaxReconnectDelayMs = 5000,
        };
        client = new MqttClient(transport, new SystemClock(), options, this);
    }

    public bool IsConnected => client.IsConnected;

    /// <summary>Subscribes to <paramref name="filters"/> (QoS 1), connects and waits for every SUBACK.</summary>
    /// <param name="onMessage">Called once per whole message (chunks of large payloads joined), on the client's I/O thread,
    /// from before the subscriptions are made, so no retained message is missed.</param>
    public static ObserverClient Open(BrokerAddress broker, string caFile, Credentials credentials, string role, Action<ObservedMessage> onMessage, params string[] filters)
    {
        var observer = new ObserverClient(broker, BrokerTransports.Create(broker, caFile), credentials, role, onMessage);
        try
        {
            observer.Connect(filters);
            return observer;
        }
        catch
        {
            observer.Dispose();
            throw;
        }
    }

    void Connect(string[] filters)
    {
        subscriptions.Reset(filters.Length);
        foreach (string filter in filters)
        {
            client.Subscribe(filter, MqttQos.AtLeastOnce);
        }

        client.Start();
        int signalled = WaitHandle.WaitAny(new[] { subscriptions.WaitHandle, failed.WaitHandle }, ConnectTimeout);
        if (signalled == 1)
        {
            throw new UserErrorException(failure);
        }

        if (signalled == WaitHandle.WaitTimeout)
        {
            throw new UserErrorException("no answer from the broker at " + broker + " within " + ConnectTimeout.TotalSeconds + " s: check the address and that it speaks MQTT" + (broker.Tls ? " over TLS" : ""));
        }

        if (Volatile.Read(ref subscribeFailures) > 0)
        {
            throw new UserErrorException("the broker at " + broker + " refused a subscription to " + string.Join(", ", filters) + ": check the user's ACL");
        }
    }

    /// <summary>A command as operators send it: QoS 1, never retained (a retained command would re-fire on every reconnect).</summary>
    public void PublishCommand(string commandTopic, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        MqttPublishResult result = client.Publish(commandTopic, bytes, 0, bytes.Length, MqttQos.AtLeastOnce, false);
        if (result != MqttPublishResult.Accepted)
        {
            throw new UserErrorException("could not send " + commandTopic + " (" + result + "): the connection to " + broker + " is not usable");
        }
    }

    public void Dispose() => client.Stop(2000);

    void IMqttSessionHandler.OnConnected(bool sessionPresent)
    {
    }

    void IMqttSessionHandler.OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        if (failed.IsSet || subscriptions.IsSet && subscriptions.InitialCount > 0)
        {
            return; // once up, the client reconnects by itself; only the first connection decides success
        }

        string why = reason switch
        {
            MqttError.ConnectFailed => "cannot reach the broker at " + broker + " (" + client.LastTransportError + "): start one there, or run `edgesensor run` without --broker to get a private one",
            MqttError.ConnectionRefused when returnCode is MqttConnectReturnCode.BadUserNameOrPassword or MqttConnectReturnCode.NotAuthorized =>
                "the broker at " + broker + " refused the login (" + returnCode + "): check --username and " + Credentials.PasswordVariable,
            MqttError.ConnectionRefused => "the broker at " + broker + " refused the connection (" + returnCode + ")",
            _ => null,
        };
        if (why != null)
        {
            failure = why;
            failed.Set();
        }
    }

    void IMqttSessionHandler.OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        if (returnCode == MqttSubscribeResult.Failure)
        {
            Interlocked.Increment(ref subscribeFailures);
        }

        if (!subscriptions.IsSet)
        {
            subscriptions.Signal();
        }
    }

    void IMqttSessionHandler.OnMessage(MqttMessage message)
    {
        if (message.IsFirstChunk)
        {
            payload.SetLength(0);
            topic = Encoding.UTF8.GetString(message.Buffer, message.TopicOffset, message.TopicLength);
            retain = message.Retain;
        }

        payload.Write(message.Buffer, message.PayloadOffset, message.PayloadCount);
        if (message.IsLastChunk)
        {
            string text = Encoding.UTF8.GetString(payload.GetBuffer(), 0, (int)payload.Length);
            onMessage(new ObservedMessage(topic, text, retain, DateTimeOffset.Now));
        }
    }
}
