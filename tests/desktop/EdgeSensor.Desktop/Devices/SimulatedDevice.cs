using System;
using System.Threading;
using EdgeSensor.Device;
using EdgeSensor.Device.Config;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.Desktop.Devices;

/// <summary>
/// One EdgeSensor device on the simulated board, run the way the ESP32 runs it: actuators to their safe
/// state first, then the MQTT client (one I/O thread) and the device loop (one thread, woken by callbacks).
/// </summary>
public sealed class SimulatedDevice : IDisposable
{
    public const string FirmwareVersion = "0.1.0-sim";

    readonly IMonotonicClock clock = new SystemClock();
    readonly Thread loop;
    readonly ManualResetEventSlim stopped = new();
    readonly bool drift;
    int stopping;

    /// <param name="log">The device's log (why it was offline, that it is deaf), called on the MQTT I/O thread; null for none.</param>
    public SimulatedDevice(DeviceConfig config, IMqttTransport transport, int seed = 1, bool drift = true, Action<string> log = null)
    {
        connectionLog = new ConnectionLog(config.Id, config.Prefix + "/" + config.Id + "/cmd/+", log ?? (_ => { }));
        this.drift = drift;
        Config = config;
        Board = new EdgeSensor.SimulatedBoard.SimulatedBoard(config, seed);
        Device = new EdgeDevice(config, FirmwareVersion, Board.Sensors, SimulatedActuators.For(config, Board));
        Device.ApplySafeStates();
        var options = new MqttClientOptions
        {
            Connect = Device.CreateConnectOptions(),
            Session = Device.CreateSessionOptions(),
            InitialReconnectDelayMs = 200,
            MaxReconnectDelayMs = 5000,
            JitterSeed = seed,
        };
        ConnectTimeoutMs = options.Session.ConnectTimeoutMs;
        Client = new MqttClient(transport, clock, options, new ReportingHandler(this));
        Device.Attach(Client);
        loop = new Thread(RunLoop) { Name = "device " + config.Id, IsBackground = true };
    }

    public DeviceConfig Config { get; }
    public EdgeSensor.SimulatedBoard.SimulatedBoard Board { get; }
    public EdgeDevice Device { get; }
    public MqttClient Client { get; }

    /// <summary>
    /// Why the first connection attempt that failed ended (None until one did), with the CONNACK code for a refusal:
    /// a host that waits for the first connection can say at once what went wrong instead of waiting out a timeout.
    /// </summary>
    public MqttError FirstFailure => (MqttError)Volatile.Read(ref firstFailure);

    public MqttConnectReturnCode FirstFailureCode => (MqttConnectReturnCode)Volatile.Read(ref firstFailureCode);

    /// <summary>How long the client waits for CONNACK after opening the transport.</summary>
    public int ConnectTimeoutMs { get; }

    int firstFailure;
    int firstFailureCode;
    readonly ConnectionLog connectionLog;

    /// <summary>A plain TCP device for a broker on this machine.</summary>
    public static SimulatedDevice OverTcp(DeviceConfig config, int seed = 1, bool drift = true, Action<string> log = null) =>
        new(config, new TcpTransport(config.Broker.Host, config.Broker.Port), seed, drift, log);

    public void Start()
    {
        Client.Start();
        loop.Start();
    }

    /// <summary>Graceful: retained <c>offline</c>, then DISCONNECT (the broker drops the will).</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopping, 1) == 1) return;
        Device.PublishOffline();
        Client.Stop(5000);
        stopped.Set();
        if (loop.ThreadState != ThreadState.Unstarted) loop.Join(5000);
    }

    /// <summary>Like pulling the plug: the socket closes without DISCONNECT, so the broker publishes the will.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref stopping, 1) == 1) return;
        stopped.Set();
        if (loop.ThreadState != ThreadState.Unstarted) loop.Join(5000);
        Client.Abort(5000);
    }

    public void Dispose() => Stop();

    /// <summary>The device's own handler, with the first failure noted on the way (the client's I/O thread calls it).</summary>
    sealed class ReportingHandler : IMqttSessionHandler
    {
        readonly SimulatedDevice host;

        public ReportingHandler(SimulatedDevice host) => this.host = host;

        public void OnConnected(bool sessionPresent)
        {
            host.connectionLog.OnConnected();
            host.Device.OnConnected(sessionPresent);
        }

        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
        {
            if (reason != MqttError.ClosedByClient && Volatile.Read(ref host.firstFailure) == 0)
            {
                Volatile.Write(ref host.firstFailureCode, (int)returnCode);
                Volatile.Write(ref host.firstFailure, (int)reason);
            }

            host.connectionLog.OnDisconnected(reason, returnCode);
            host.Device.OnDisconnected(reason, returnCode);
        }

        public void OnMessage(MqttMessage message) => host.Device.OnMessage(message);

        public void OnSubscribeResult(int subscriptionIndex, int returnCode)
        {
            host.connectionLog.OnSubscribeResult(subscriptionIndex, returnCode);
            host.Device.OnSubscribeResult(subscriptionIndex, returnCode);
        }

        public void OnUnsubscribed(int subscriptionIndex) => host.Device.OnUnsubscribed(subscriptionIndex);

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) => host.Device.OnPublishCompleted(messageId, outcome);
    }

    void RunLoop()
    {
        while (!stopped.IsSet)
        {
            long now = clock.NowMs;
            if (drift) Board.ApplyDrift(now / 1000);
            long wait = Device.Tick(now);
            if (wait > 0) Device.WaitForWork((int)Math.Min(wait, 250));
        }
    }
}
