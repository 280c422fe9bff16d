using System;
using System.Threading;
using EdgeSensor.Device;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Power;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.Desktop.Devices;

/// <summary>
/// A battery board (config <c>power.mode</c> "battery") on the simulated board, run the way the ESP32 runs it: every
/// wake builds the device and its MQTT client anew, because RAM does not survive a deep sleep, while the board's
/// hardware (sensor models, recording outputs) does. A deep sleep is a wait on this host's thread: as long as the
/// device asks, or <c>sleep</c> when given, so that tests and demonstrations need not wait out the report interval.
/// </summary>
public sealed class SimulatedBatteryDevice : IDisposable
{
    const int StopTimeoutMs = 5000;

    readonly IMonotonicClock clock = new SystemClock();
    readonly Func<IMqttTransport> transports;
    readonly TimeSpan? sleep;
    readonly int seed;
    readonly Thread thread;
    readonly ManualResetEventSlim stopped = new();
    MqttClient awake;
    WakeCycle cycle;
    int wakes;

    /// <param name="transports">A new transport for each wake (the socket does not survive a deep sleep either).</param>
    /// <param name="sleep">How long a simulated deep sleep lasts; null for what the device asks (the interval less the awake time).</param>
    public SimulatedBatteryDevice(DeviceConfig config, Func<IMqttTransport> transports, TimeSpan? sleep = null, int seed = 1)
    {
        if (!config.Battery) throw new ArgumentException("power.mode is not \"battery\"", nameof(config));
        Config = config;
        this.transports = transports;
        this.sleep = sleep;
        this.seed = seed;
        Board = new EdgeSensor.SimulatedBoard.SimulatedBoard(config, seed);
        thread = new Thread(Run) { Name = "battery " + config.Id, IsBackground = true };
    }

    public DeviceConfig Config { get; }

    public EdgeSensor.SimulatedBoard.SimulatedBoard Board { get; }

    /// <summary>Wakes that ended, the cold boot included.</summary>
    public int Wakes => Volatile.Read(ref wakes);

    /// <summary>Raised on the board's thread as each wake ends, before it sleeps.</summary>
    public event Action<WakeReport> WakeEnded;

    /// <summary>A plain TCP board for a broker on this machine.</summary>
    public static SimulatedBatteryDevice OverTcp(DeviceConfig config, TimeSpan? sleep = null, int seed = 1) =>
        new(config, () => new TcpTransport(config.Broker.Host, config.Broker.Port), sleep, seed);

    /// <summary>Powers the board on: a cold boot, then a wake after every sleep.</summary>
    public void Start() => thread.Start();

    /// <summary>Takes the battery out after the current wake, if any, has ended: the board says nothing (its status stays asleep).</summary>
    public void Stop()
    {
        stopped.Set();
        if (thread.ThreadState != ThreadState.Unstarted) thread.Join(StopTimeoutMs + (Config.AwakeLimitSeconds * 1000));
    }

    /// <summary>Like a power cut: an awake board's socket closes without DISCONNECT, so the broker publishes the will.</summary>
    public void Kill()
    {
        stopped.Set();
        lock (stopped)
        {
            awake?.Abort(StopTimeoutMs);
            cycle?.End();
        }
        if (thread.ThreadState != ThreadState.Unstarted) thread.Join(StopTimeoutMs);
    }

    public void Dispose() => Stop();

    void Run()
    {
        while (!stopped.IsSet)
        {
            WakeReport report = WakeOnce(wakes > 0);
            Interlocked.Increment(ref wakes);
            WakeEnded?.Invoke(report);
            stopped.Wait(sleep ?? TimeSpan.FromMilliseconds(report.SleepMs));
        }
    }

    /// <summary>One wake, from boot to the deep sleep: all the board's RAM is made here and dropped at the end.</summary>
    WakeReport WakeOnce(bool timerWake)
    {
        var device = new EdgeDevice(Config, SimulatedDevice.FirmwareVersion, Board.Sensors, SimulatedActuators.For(Config, Board));
        device.ApplySafeStates();
        device.Wake(timerWake, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var options = new MqttClientOptions
        {
            Connect = device.CreateConnectOptions(),
            Session = device.CreateSessionOptions(),
            InitialReconnectDelayMs = 200,
            MaxReconnectDelayMs = 2000,
            JitterSeed = seed + wakes,
        };
        var wake = new WakeCycle(Config.TelemetryIntervalSeconds, Config.AwakeLimitSeconds);
        wake.Begin(clock.NowMs);
        using var client = new MqttClient(transports(), clock, options, device);
        device.Attach(client);
        lock (stopped)
        {
            if (stopped.IsSet) return new WakeReport(wakes + 1, wake.WokeAt, -1, true, 0);
            awake = client;
            cycle = wake;
        }
        long sleepMs = WakeRunner.Run(device, client, clock, wake, StopTimeoutMs);
        lock (stopped)
        {
            awake = null;
            cycle = null;
        }

        return new WakeReport(wakes + 1, wake.WokeAt, wake.ReadyAt, wake.TimedOut, sleepMs);
    }
}
