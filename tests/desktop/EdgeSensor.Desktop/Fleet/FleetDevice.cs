using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device;
using EdgeSensor.Device.Config;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Driver;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// One fleet member: a simulated board, the device app, its MQTT session and its socket, all driven by
/// <see cref="Service"/> from the one shard thread that owns it, by the rules of <see cref="SessionDriver"/>. Only
/// <see cref="Online"/> and <see cref="TelemetryPublished"/> are read from other threads, as copies the shard refreshes.
/// </summary>
sealed class FleetDevice
{
    const int TcpConnectTimeoutMs = 10_000;
    const int OfflineAckTimeoutMs = 5_000;
    const int BrokerCloseWaitMs = 2_000;

    /// <summary>Where the broker's last words go after DISCONNECT: unread, they would turn our close into a reset. Never read.</summary>
    static readonly byte[] Discard = new byte[512];

    readonly IPEndPoint broker;
    readonly MqttSession session;
    readonly SessionDriver driver;
    readonly WakingSessionHandler callbacks;
    readonly MqttConnectOptions connect;
    readonly ReconnectBackoff backoff;

    NonBlockingConnection connection;
    long tcpDeadline;
    long brokerCloseDeadline;
    long nextAttemptAt = long.MaxValue;
    long deviceDueAt;
    long driftSecond = -1;
    bool goodbyeStarted;
    bool offlineAccepted;
    long offlineDeadline;
    bool online;
    long telemetryPublished;

    public FleetDevice(DeviceConfig config, int seed, IPEndPoint broker)
    {
        this.broker = broker;
        Config = config;
        Board = new EdgeSensor.SimulatedBoard.SimulatedBoard(config, seed);
        Device = new EdgeDevice(config, SimulatedDevice.FirmwareVersion, Board.Sensors, SimulatedActuators.For(config, Board));
        Device.ApplySafeStates();
        callbacks = new WakingSessionHandler(Device);
        session = new MqttSession(Device.CreateSessionOptions(), callbacks);
        driver = new SessionDriver(session);
        connect = Device.CreateConnectOptions();
        // Jittered per device, so that a fleet that lost its broker comes back spread out.
        backoff = new ReconnectBackoff(initialMs: 200, maxMs: 5_000, stableMs: 30_000, seed);
        Device.Attach(new SessionLink(session));
    }

    public DeviceConfig Config { get; }

    public EdgeSensor.SimulatedBoard.SimulatedBoard Board { get; }

    public EdgeDevice Device { get; }

    public bool Online => Volatile.Read(ref online);

    public long TelemetryPublished => Interlocked.Read(ref telemetryPublished);

    /// <summary>The socket to wait on; null while there is none.</summary>
    public Socket Socket => connection?.Socket;

    /// <summary>Waiting for writability: the handshake, or output the kernel had no room for.</summary>
    public bool WaitsToWrite => connection != null && (connection.IsConnecting || connection.WriteBlocked);

    /// <summary>Stopping, and nothing is left open.</summary>
    public bool Finished => goodbyeStarted && connection == null;

    public void ConnectAt(long when)
    {
        nextAttemptAt = when;
    }

    /// <summary>
    /// Does whatever is due: connects, moves bytes between socket and session, runs the session's timers and
    /// the device's loop. Returns when it wants to be served again at the latest (a clock reading).
    /// </summary>
    public long Service(long now, bool readable, bool writable, bool stopping)
    {
        if (connection == null && !stopping && now >= nextAttemptAt) Open(now);
        if (connection != null) Transfer(now, readable, writable);
        if (callbacks.TakeConnected()) backoff.Connected(now);
        if (!stopping && (callbacks.TakeWake() || now >= deviceDueAt)) TickDevice(now);
        if (stopping) SayGoodbye(now);
        if (IsOpen) connection.WriteFrom(driver, now);
        FollowSession(now, stopping);
        Volatile.Write(ref online, session.State == MqttSessionState.Connected);
        Interlocked.Exchange(ref telemetryPublished, Device.TelemetryPublished);
        return NextDue(now, stopping);
    }

    /// <summary>Gives up on whatever is still open (the stop deadline passed): the broker will publish the will.</summary>
    public void Abandon()
    {
        goodbyeStarted = true;
        Drop();
        Volatile.Write(ref online, false);
    }

    bool IsOpen => connection != null && !connection.IsConnecting && !connection.IsShutDown;

    void Open(long now)
    {
        try
        {
            connection = NonBlockingConnection.Begin(broker);
        }
        catch (SocketException)
        {
            RetryLater(now);
            return;
        }

        tcpDeadline = now + TcpConnectTimeoutMs;
        if (!connection.IsConnecting) StartSession(now);
    }

    void StartSession(long now)
    {
        // Fails only for options no broker would accept; retrying with backoff keeps the fleet running and visible.
        if (session.Connect(connect, now) != MqttError.None) Lost(now);
    }

    void Transfer(long now, bool readable, bool writable)
    {
        if (connection.IsConnecting)
        {
            if (writable)
            {
                if (connection.FinishConnect()) StartSession(now);
                else Lost(now);
            }
            else if (now >= tcpDeadline)
            {
                Lost(now);
            }

            return;
        }

        if (connection.IsShutDown)
        {
            AwaitBrokerClose(now, readable);
            return;
        }

        // Input waiting for room to answer goes on once the socket takes output.
        if (readable || (writable && session.InputStalled)) connection.ReadInto(driver, now);
        session.Tick(now);
    }

    void TickDevice(long now)
    {
        long second = now / 1000;
        if (second != driftSecond)
        {
            driftSecond = second;
            Board.ApplyDrift(second);
        }

        deviceDueAt = now + Device.Tick(now);
    }

    /// <summary>
    /// Graceful stop: retained <c>offline</c>, and DISCONNECT once the broker acknowledged it (or the wait ran out),
    /// so the broker holds the right status and discards the will [MQTT-3.1.2-10].
    /// </summary>
    void SayGoodbye(long now)
    {
        if (!goodbyeStarted)
        {
            goodbyeStarted = true;
            offlineDeadline = now + OfflineAckTimeoutMs;
            // Never got as far as CONNACK: there is no one to say goodbye to.
            if (connection != null && session.State != MqttSessionState.Connected && !connection.IsShutDown) Drop();
        }

        if (session.State != MqttSessionState.Connected) return;
        if (!offlineAccepted) offlineAccepted = Device.PublishOffline() == MqttPublishResult.Accepted;
        if ((offlineAccepted && session.OutboxCount == 0) || now >= offlineDeadline) session.Disconnect();
    }

    /// <summary>Reacts to the session ending the connection: DISCONNECT written, or a failure.</summary>
    void FollowSession(long now, bool stopping)
    {
        if (!IsOpen || !driver.TransportDone) return;
        if (driver.EndConnection())
        {
            connection.ShutDown();
            brokerCloseDeadline = now + BrokerCloseWaitMs;
        }
        else
        {
            // Refused, timed out, keepalive expired, a malformed packet or a broken socket: the session has ended it.
            Drop();
            if (!stopping) RetryLater(now);
        }
    }

    void AwaitBrokerClose(long now, bool readable)
    {
        if (readable)
        {
            while (true)
            {
                int read = connection.Read(Discard, 0, Discard.Length);
                if (read < 0)
                {
                    Drop();
                    return;
                }

                if (read == 0) break;
            }
        }

        if (now >= brokerCloseDeadline) Drop();
    }

    void Lost(long now)
    {
        Drop();
        RetryLater(now);
    }

    void Drop()
    {
        connection?.Dispose();
        connection = null;
        driver.EndConnection();
    }

    void RetryLater(long now)
    {
        nextAttemptAt = now + backoff.NextDelayMs(now);
    }

    long NextDue(long now, bool stopping)
    {
        long due = stopping ? long.MaxValue : deviceDueAt;
        if (connection == null)
        {
            if (!stopping) due = Math.Min(due, nextAttemptAt);
        }
        else if (connection.IsConnecting)
        {
            due = Math.Min(due, tcpDeadline);
        }
        else if (connection.IsShutDown)
        {
            due = Math.Min(due, brokerCloseDeadline);
        }
        else
        {
            due = Math.Min(due, now + session.MillisecondsUntilTick(now));
            if (stopping) due = Math.Min(due, offlineDeadline);
        }

        return due;
    }
}
