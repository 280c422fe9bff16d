using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>
/// An <see cref="MqttClient"/> over a <see cref="MemoryTransport"/> with a <see cref="FakeClock"/>. Timers run on the
/// fake clock; what stays real time is kept short: the I/O thread's longest read wait (MaxReadWaitMs 50) and the
/// reconnect backoff (20 ms doubling to 40 ms, half of it random), which MqttClient waits on an event with a real
/// timeout. Tests wait on the client's and the transport's events, up to <see cref="Timeout"/>, not on sleeps.
/// Every test ends with <see cref="Stop"/> in a finally: a client thread left running would keep nanoCLR alive.
/// </summary>
public sealed class ClientFixture
{
    public const int Timeout = 5000;

    public readonly MemoryTransport Transport = new MemoryTransport();
    public readonly FakeClock Clock = new FakeClock();
    public readonly RecordingHandler Handler = new RecordingHandler();
    public readonly MqttClientOptions Options = new MqttClientOptions();
    public MqttClient Client;

    public ClientFixture()
    {
        Options.Connect.ClientId = "nano1";
        Options.Connect.KeepAliveSeconds = 10;
        Options.MaxReadWaitMs = 50;
        Options.InitialReconnectDelayMs = 20;
        Options.MaxReconnectDelayMs = 40;
    }

    /// <summary>The CONNECT of "nano1", keepalive 10 s, clean session or not.</summary>
    public byte[] ConnectPacket
    {
        get
        {
            byte[] connect = Wire.Join(Wire.Hex("10110004"), Ascii.Bytes("MQTT"), Wire.Hex("0402000A0005"), Ascii.Bytes("nano1"));
            if (!Options.Connect.CleanSession) connect[9] = 0; // the connect flags
            return connect;
        }
    }

    public MqttClient Create()
    {
        Client = new MqttClient(Transport, Clock, Options, Handler);
        return Client;
    }

    public void Start()
    {
        if (Client == null) Create();
        Client.Start();
    }

    /// <summary>Starts the client, answers its CONNECT with CONNACK and waits until it is connected.</summary>
    public void StartConnected()
    {
        Start();
        ExpectConnect();
        Accept(false);
    }

    /// <summary>The next bytes the client writes are its CONNECT.</summary>
    public void ExpectConnect() => Wire.AreEqual(ConnectPacket, Transport.Take(ConnectPacket.Length, Timeout), "CONNECT");

    /// <summary>CONNACK accepted; waits until the client is connected.</summary>
    public void Accept(bool sessionPresent)
    {
        Transport.Deliver(Wire.Connack(sessionPresent, 0));
        Assert.IsTrue(Client.WaitForConnection(Timeout), "connected");
    }

    /// <summary>The next bytes the client writes, exactly.</summary>
    public void Expect(byte[] expected, string what) => Wire.AreEqual(expected, Transport.Take(expected.Length, Timeout), what);

    /// <summary>Moves the fake clock and wakes the I/O thread to look at it.</summary>
    public void Advance(long milliseconds)
    {
        Clock.Advance(milliseconds);
        Transport.Wake();
    }

    /// <summary>Waits, on the client's progress event, until <paramref name="count"/> QoS 1/2 flows have completed.</summary>
    public void WaitForCompleted(long count)
    {
        long deadline = System.DateTime.UtcNow.Ticks + Timeout * System.TimeSpan.TicksPerMillisecond;
        while (Client.PublishesCompleted < count && System.DateTime.UtcNow.Ticks < deadline) Client.WaitForProgress(100);
        Assert.AreEqual(count, Client.PublishesCompleted, "completed");
    }

    /// <summary>Waits for the handler's <paramref name="events"/>th event and returns it.</summary>
    public string WaitForEvent(int events)
    {
        Assert.IsTrue(Handler.WaitFor(events, 0, Timeout), Handler.LastEvent);
        return Handler.Event(events - 1);
    }

    /// <summary>Stops the client (DISCONNECT when connected) and checks that its I/O thread ended.</summary>
    public void Stop()
    {
        Transport.ReleaseWrites();
        if (Client == null) return;
        Client.Stop(Timeout);
        System.Threading.Thread reader = Transport.Reader;
        Assert.IsTrue(reader == null || !reader.IsAlive, "ended");
    }
}
