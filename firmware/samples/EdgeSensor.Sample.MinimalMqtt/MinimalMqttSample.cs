using EdgeSensor.Mqtt;

namespace EdgeSensor.Sample.MinimalMqtt;

/// <summary>
/// The part of the sample that talks to EdgeSensor.Mqtt, the same file on the device (the .nfproj) and on the desktop
/// (tests/tools/EdgeSensor.Sample.MinimalMqtt.Desktop): connect with a will, subscribe to a command topic, publish a
/// reading, and switch the LED when a command arrives, answering with the LED's state.
/// Topics, under the prefix given (for example "edgesensor-sample/esp32-a1b2c3"):
/// <list type="bullet">
/// <item>prefix/status: "online" (retained) once connected; the broker publishes the will, "offline", when the link dies.</item>
/// <item>prefix/reading: a temperature in degrees Celsius, one decimal ("21.5"), QoS 1.</item>
/// <item>prefix/cmd/led: the command, "ON" or "OFF"; anything else is ignored.</item>
/// <item>prefix/state/led: "ON" or "OFF" (retained), after each command obeyed.</item>
/// </list>
/// Nothing here allocates per message: topics are encoded once, payloads are written into buffers made once, and
/// the command is recognised by its subscription index and its bytes, not by strings.
/// </summary>
public sealed class MinimalMqttSample : IMqttSessionHandler
{
    static readonly byte[] On = { (byte)'O', (byte)'N' };
    static readonly byte[] Off = { (byte)'O', (byte)'F', (byte)'F' };
    static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };
    static readonly byte[] Offline = { (byte)'o', (byte)'f', (byte)'f', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

    readonly ISampleBoard board;
    readonly MqttClient client;
    readonly string commandFilter;
    readonly byte[] statusTopic;
    readonly byte[] readingTopic;
    readonly byte[] ledStateTopic;

    // Publish copies the payload into the send buffer or the outbox, so one buffer serves every reading. Readings come
    // from the application's thread, state answers from the client's I/O thread: one buffer each.
    readonly byte[] reading = new byte[12];
    readonly int commandSubscription;

    public MinimalMqttSample(IMqttTransport transport, IMonotonicClock clock, string clientId, string topicPrefix, ISampleBoard board)
    {
        this.board = board;
        statusTopic = Utf8(topicPrefix + "/status");
        readingTopic = Utf8(topicPrefix + "/reading");
        ledStateTopic = Utf8(topicPrefix + "/state/led");
        commandFilter = topicPrefix + "/cmd/led";

        MqttClientOptions options = new MqttClientOptions();
        options.Connect.ClientId = clientId;
        options.Connect.KeepAliveSeconds = 30;
        options.Connect.WillTopic = topicPrefix + "/status";
        options.Connect.WillPayload = Offline;
        options.Connect.WillQos = MqttQos.AtLeastOnce;
        options.Connect.WillRetain = true;
        client = new MqttClient(transport, clock, options, this);

        // A subscription is kept by the client: sent on every connect that finds no session on the broker.
        commandSubscription = client.Subscribe(commandFilter, MqttQos.AtLeastOnce);
    }

    /// <summary>The client, for what the sample does not wrap (counters, WaitForConnection, LastTransportError).</summary>
    public MqttClient Client => client;

    /// <summary>Connects in the background and keeps reconnecting (with backoff) until <see cref="Stop"/>.</summary>
    public void Start() => client.Start();

    /// <summary>DISCONNECT, so that the broker drops the will; true when the client's thread has ended.</summary>
    public bool Stop(int timeoutMs) => client.Stop(timeoutMs);

    /// <summary>
    /// Publishes a reading in tenths of a degree (215 is "21.5") at QoS 1. Accepted means it is in the outbox and will
    /// be sent, now or after a reconnect; OutboxFull means the broker has not acknowledged enough yet, and a sensor
    /// reading can simply wait for the next one.
    /// </summary>
    public MqttPublishResult PublishReading(int tenthsOfDegree)
    {
        int length = FormatTenths(tenthsOfDegree, reading);
        return client.Publish(readingTopic, reading, 0, length, MqttQos.AtLeastOnce, false);
    }

    public void OnConnected(bool sessionPresent)
    {
        board.Log("connected");
        client.Publish(statusTopic, Online, 0, Online.Length, MqttQos.AtLeastOnce, true);
    }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        // Called on every failed attempt too; the client retries by itself.
        if (reason == MqttError.ConnectFailed) board.Log("cannot reach the broker: " + client.LastTransportError);
        else if (reason == MqttError.ConnectionRefused) board.Log("the broker refused the connection: " + returnCode.ToString());
        else board.Log("disconnected: " + reason.ToString());
    }

    public void OnMessage(MqttMessage message)
    {
        if (message.SubscriptionIndex != commandSubscription) return;

        // Payloads larger than the receive buffer arrive in chunks; a command is two or three bytes, in one.
        if (!message.IsFirstChunk || !message.IsLastChunk) return;
        bool on;
        if (PayloadIs(message, On)) on = true;
        else if (PayloadIs(message, Off)) on = false;
        else return;

        board.SwitchLed(on);
        byte[] state = on ? On : Off;
        client.Publish(ledStateTopic, state, 0, state.Length, MqttQos.AtLeastOnce, true);
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        if (returnCode == MqttSubscribeResult.Failure) board.Log("the broker refused the subscription to " + commandFilter);
        else board.Log("listening for commands on " + commandFilter);
    }

    public void OnUnsubscribed(int subscriptionIndex)
    {
    }

    /// <summary>A reading at QoS 1 reached the broker (PUBACK). The sample does not track its readings one by one.</summary>
    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
    {
    }

    /// <summary>A topic as bytes, once at start-up: publishing with a byte[] topic skips encoding it on every message.</summary>
    static byte[] Utf8(string text)
    {
        byte[] bytes = new byte[MqttUtf8.ByteCount(text)];
        MqttUtf8.Encode(text, bytes, 0);
        return bytes;
    }

    static bool PayloadIs(MqttMessage message, byte[] expected)
    {
        if (message.PayloadCount != expected.Length) return false;
        for (int i = 0; i < expected.Length; i++)
        {
            if (message.Buffer[message.PayloadOffset + i] != expected[i]) return false;
        }

        return true;
    }

    /// <summary>Writes "-12.3" style text for -123 into <paramref name="buffer"/> (at least 12 bytes); returns its length.</summary>
    static int FormatTenths(int tenths, byte[] buffer)
    {
        int length = 0;
        long value = tenths;
        if (value < 0)
        {
            buffer[length++] = (byte)'-';
            value = -value;
        }

        long whole = value / 10;
        long divisor = 1;
        while (divisor * 10 <= whole) divisor *= 10;
        for (; divisor > 0; divisor /= 10) buffer[length++] = (byte)('0' + (whole / divisor % 10));
        buffer[length++] = (byte)'.';
        buffer[length++] = (byte)('0' + (value % 10));
        return length;
    }
}
