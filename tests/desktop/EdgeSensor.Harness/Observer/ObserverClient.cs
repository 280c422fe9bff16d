using System;
using System.IO;
using System.Text;
using System.Threading;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.Harness.Observer;

/// <summary>
/// The harness's own MQTT connection, an operator's eyes and hands: it subscribes, hands every whole message to
/// a callback (on the client's I/O thread) and publishes commands. Opening it fails fast with a
/// <see cref="UserErrorException"/> instead of retrying forever, because a person is waiting at the prompt.
/// </summary>
sealed class ObserverClient : IMqttSessionHandler, IDisposable
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The largest command payload `send` publishes (its observer's buffers are sized for it).</summary>
    public const int LargestCommand = 192 * 1024;

    readonly BrokerAddress broker;
    readonly MqttClient client;
    readonly ManualResetEventSlim failed = new();
    readonly CountdownEvent subscriptions = new(0);
    readonly MemoryStream payload = new();
    readonly Action<ObservedMessage> onMessage;
    readonly int connectTimeoutMs;
    UserErrorException failure;
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
            // Whatever value `send` is given goes out, so the device, not this buffer, judges its size: a command line
            // argument holds at most 128 KiB on Linux (MAX_ARG_STRLEN).
            Session = new MqttSessionOptions
            {
                ReceiveBufferSize = 4096,
                SendBufferSize = role == "send" ? LargestCommand + 4096 : 2048,
                OutboxSize = role == "send" ? 2 * (LargestCommand + 4096) : 4096,
                MaxSubscriptions = 16,
            },
            InitialReconnectDelayMs = 500,
            MaxReconnectDelayMs = 5000,
        };
        connectTimeoutMs = options.Session.ConnectTimeoutMs;
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
            throw failure;
        }

        if (signalled == WaitHandle.WaitTimeout)
        {
            throw new UserErrorException("no answer from the broker at " + broker + " within " + ConnectTimeout.TotalSeconds + " s: check the address and that it speaks MQTT" + (broker.Tls ? " over TLS" : ""), ExitCodes.BrokerRefused);
        }

        if (Volatile.Read(ref subscribeFailures) > 0)
        {
            throw new UserErrorException("the broker at " + broker + " refused a subscription to " + string.Join(", ", filters) + " (SUBACK 0x80): check the user's ACL", ExitCodes.BrokerRefused);
        }
    }

    /// <summary>
    /// Subscribes to one more filter in a SUBSCRIBE of its own and waits for its SUBACK. mosquitto sends a subscription's
    /// retained messages right after its SUBACK [MQTT-3.3.1-6], before it reads the next packet: once this returns, the
    /// retained messages of the filters given to Open have all reached the callback.
    /// </summary>
    public void SubscribeAfterRetained(string filter)
    {
        subscriptions.Reset(1);
        client.Subscribe(filter, MqttQos.AtLeastOnce);
        if (!subscriptions.Wait(ConnectTimeout) || Volatile.Read(ref subscribeFailures) > 0)
        {
            throw new UserErrorException("the broker at " + broker + " did not grant a subscription to " + filter + ": check the user's ACL", ExitCodes.BrokerRefused);
        }
    }

    /// <summary>
    /// A retained message at QoS 1, waited for until the broker acknowledged it (it is then stored): the desired settings
    /// document, or an empty payload that deletes it [MQTT-3.3.1-10].
    /// </summary>
    public void PublishRetained(string retainedTopic, byte[] bytes, TimeSpan timeout)
    {
        MqttPublishResult result = client.PublishAndWait(retainedTopic, bytes, 0, bytes.Length, MqttQos.AtLeastOnce, true, (int)timeout.TotalMilliseconds);
        if (result != MqttPublishResult.Completed)
        {
            throw new UserErrorException("the broker at " + broker + " did not acknowledge the document on " + retainedTopic + " (" + result + "): try again", ExitCodes.BrokerRefused);
        }
    }

    /// <summary>A command as operators send it: QoS 1, never retained (a retained command would re-fire on every reconnect).</summary>
    public void PublishCommand(string commandTopic, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        MqttPublishResult result = client.Publish(commandTopic, bytes, 0, bytes.Length, MqttQos.AtLeastOnce, false);
        if (result == MqttPublishResult.TooLarge)
        {
            throw new UserErrorException("the value is " + bytes.Length + " bytes, more than the " + LargestCommand + " this harness sends (a device accepts at most 32: docs/device-topics.md)");
        }

        if (result != MqttPublishResult.Accepted)
        {
            throw new UserErrorException("the connection to " + broker + " was lost before the command went out (" + result + "): try again", ExitCodes.BrokerRefused);
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

        UserErrorException why = BrokerFailure.Describe(broker.ToString(), "the harness", reason, returnCode, client.LastTransportError, connectTimeoutMs);
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

    void IMqttSessionHandler.OnUnsubscribed(int subscriptionIndex) { }

    void IMqttSessionHandler.OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

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
