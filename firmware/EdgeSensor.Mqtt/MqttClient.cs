using System;
using System.Threading;
using EdgeSensor.Mqtt.Driver;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Mqtt;

/// <summary>
/// Drives one <see cref="MqttSession"/> over an <see cref="IMqttTransport"/> with a single I/O thread:
/// connects, reads, runs the timers and reconnects with backoff. Publish and Subscribe are safe from any
/// thread; the caller's thread writes its own packets (batched with whatever else is pending), so a
/// publish never waits for the I/O thread to wake up. Callbacks run on the I/O thread. Start and Stop (or Abort) may
/// alternate: the session (outbox, subscriptions and their indexes) lives as long as the client object.
/// </summary>
public sealed partial class MqttClient : IMqttLink, IDisposable
{
    readonly IMqttTransport transport;
    readonly IMonotonicClock clock;
    readonly MqttClientOptions options;
    readonly IMqttSessionHandler application;
    readonly MqttSession session;
    readonly SessionDriver driver;
    readonly WriterTurn writer;
    readonly ReconnectBackoff backoff;
    readonly object sessionLock = new object();
    readonly ManualResetEvent connected = new ManualResetEvent(false);
    readonly AutoResetEvent stopRequested = new AutoResetEvent(false);
    readonly AutoResetEvent progress = new AutoResetEvent(false);
    readonly IoThread ioThread = new IoThread();
    readonly PublishWaiters waiters;
    bool stopping;
    bool aborting;
    bool disposed;
    string lastTransportError;

    public MqttClient(IMqttTransport transport, IMonotonicClock clock, MqttClientOptions options, IMqttSessionHandler application)
    {
        this.transport = transport;
        this.clock = clock;
        this.options = options;
        this.application = application;
        backoff = new ReconnectBackoff(options.InitialReconnectDelayMs, options.MaxReconnectDelayMs, options.StableConnectionMs, options.JitterSeed);
        ClientCallbacks callbacks = new ClientCallbacks(application, backoff, clock, connected, progress);
        waiters = callbacks.Waiters;
        session = new MqttSession(options.Session, callbacks);
        driver = new SessionDriver(session);
        writer = new WriterTurn(driver, sessionLock, transport, clock);
    }

    public bool IsConnected => Read(Counter.Connected) != 0;
    public long PublishesCompleted => Read(Counter.Completed);
    public long MessagesReceived => Read(Counter.Received);
    public long MessagesDropped => Read(Counter.Dropped);
    public int OutboxCount => (int)Read(Counter.Outbox);
    public int ConnectionAttempts => backoff.Attempts;

    /// <summary>Why the transport last failed to open (the exception's message; it never holds a secret), or null.</summary>
    public string LastTransportError { get { lock (sessionLock) return lastTransportError; } }

    public MqttError LastError => (MqttError)Read(Counter.LastError);

    /// <summary>Waits until connected (CONNACK accepted); false on timeout, and at once after Dispose.</summary>
    public bool WaitForConnection(int timeoutMs) => connected.WaitOne(timeoutMs, false) && !IsDisposed;

    /// <summary>
    /// Waits until acknowledgements have freed outbox space (at least half of it is free, or everything left in it
    /// has been sent) or the connection state changed; false on timeout. A producer that found the outbox full waits here.
    /// </summary>
    public bool WaitForProgress(int timeoutMs) => progress.WaitOne(timeoutMs, false);

    public MqttPublishResult Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        => Publish(topic, payload, offset, count, qos, retain, out _);

    /// <summary>
    /// As Publish, and numbers an accepted QoS 1/2 message for <see cref="IMqttSessionHandler.OnPublishCompleted"/>
    /// (1 to 65535, then 1 again); <paramref name="messageId"/> is 0 for QoS 0 and when refused.
    /// </summary>
    public MqttPublishResult Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain, out int messageId)
    {
        while (true)
        {
            MqttPublishResult result;
            bool outputPending;
            lock (sessionLock)
            {
                result = session.Publish(topic, payload, offset, count, qos, retain, out messageId);
                outputPending = session.PendingOutput > 0;
            }
            if (!AfterRequest(result, outputPending)) return result;
        }
    }

    public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        => Publish(topic, payload, offset, count, qos, retain, out _);

    public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain, out int messageId)
    {
        while (true)
        {
            MqttPublishResult result;
            bool outputPending;
            lock (sessionLock)
            {
                result = session.Publish(topic, 0, topic.Length, payload, offset, count, qos, retain, out messageId);
                outputPending = session.PendingOutput > 0;
            }
            if (!AfterRequest(result, outputPending)) return result;
        }
    }

    /// <summary>
    /// Publishes <paramref name="length"/> bytes that <paramref name="payload"/> produces in pieces as they are sent, for
    /// a message larger than the send buffer: QoS 1 or 2, one at a time (OutboxFull while another is pending). The
    /// source must give the same bytes again until OnPublishCompleted (or <see cref="WaitForCompletion"/>) reports the
    /// message: a reconnect sends it again from the start. Like any publish, the calling thread writes it when the link
    /// is free, so the call returns once the payload is written or the peer stops taking bytes.
    /// </summary>
    public MqttPublishResult Publish(string topic, IMqttPayloadSource payload, int length, MqttQos qos, bool retain, out int messageId)
    {
        MqttPublishResult result;
        bool outputPending;
        lock (sessionLock)
        {
            result = session.Publish(topic, payload, length, qos, retain, out messageId);
            outputPending = session.PendingOutput > 0;
        }
        AfterRequest(result, outputPending);
        return result;
    }

    /// <summary>Writes what a request queued; true when a QoS 0 publish found the send buffer full and should try again now that it was written.</summary>
    bool AfterRequest(MqttPublishResult result, bool outputPending)
    {
        // A QoS 1 publish behind a full inflight window queues nothing to write: the I/O thread sends it
        // when an acknowledgement opens the window.
        if (!outputPending) return false;
        // On the I/O thread (inside a callback) the session lock is held: writing from here could
        // deadlock with another writer, and the I/O loop writes right after the callback anyway.
        if (ioThread.IsCurrent) return false;
        if (!writer.Write(options.MaxReadWaitMs)) return false;
        return result == MqttPublishResult.SendBufferFull;
    }

    /// <summary>
    /// Adds a subscription (kept across reconnects and restarts) and returns its index, which messages report, or a negative
    /// <see cref="MqttSubscribeResult"/> (InvalidFilter, NoFreeSlot). The SUBACK comes to OnSubscribeResult and <see cref="SubscriptionResult"/>.
    /// </summary>
    public int Subscribe(string filter, MqttQos qos)
    {
        int index;
        lock (sessionLock) index = session.Subscribe(filter, qos);
        if (index >= 0) AfterRequest(MqttPublishResult.Accepted, true);
        return index;
    }

    /// <summary>Stops routing to the subscription and sends UNSUBSCRIBE (OnUnsubscribed follows); false when the slot holds none.</summary>
    public bool Unsubscribe(int subscriptionIndex)
    {
        bool removed;
        lock (sessionLock) removed = session.Unsubscribe(subscriptionIndex);
        if (removed) AfterRequest(MqttPublishResult.Accepted, true);
        return removed;
    }

    /// <summary>What became of the subscription in this slot: the QoS granted, or an <see cref="MqttSubscribeResult"/> code.</summary>
    public int SubscriptionResult(int subscriptionIndex) { lock (sessionLock) return session.Subscriptions.Result(subscriptionIndex); }

    void Run()
    {
        while (!IsStopping())
        {
            if (OpenConnection())
            {
                Pump();
                CloseTransport();
            }
            if (IsStopping()) return;
            stopRequested.WaitOne(backoff.NextDelayMs(clock.NowMs), false);
        }
    }

    bool OpenConnection()
    {
        try { transport.Open(options.Session.ConnectTimeoutMs); }
        catch (Exception e)
        {
            // Unreachable, refused, or a certificate that does not validate: the application is told every time.
            lock (sessionLock) lastTransportError = e.Message;
            application.OnDisconnected(MqttError.ConnectFailed, MqttConnectReturnCode.Accepted);
            return false;
        }
        MqttError error;
        lock (sessionLock) error = session.Connect(options.Connect, clock.NowMs);
        if (error == MqttError.None) return true;
        application.OnDisconnected(error, MqttConnectReturnCode.Accepted); // the options are wrong: say so each attempt
        CloseTransport();
        return false;
    }

    /// <summary>The connection's life, by the rules of <see cref="SessionDriver"/>: read, tick, write; returns when it is over.</summary>
    void Pump()
    {
        int read = 0;
        while (true)
        {
            byte[] buffer;
            int offset, space, waitMs = 0;
            bool closing = false, outputPending;
            // One lock section per turn: take in what was read, run the timers, decide what comes next.
            lock (sessionLock)
            {
                long now = clock.NowMs;
                long completed = session.PublishesCompleted;
                driver.Received(read, now);
                read = 0;
                space = driver.ReceiveSpace(out buffer, out offset, now);
                session.Tick(now);
                if (session.PublishesCompleted != completed && session.OutboxLow) progress.Set();
                MqttSessionState state = session.State;
                if (state == MqttSessionState.Disconnected) return;
                // Stop() came while connecting: it found no connection to say goodbye on, so it is said here.
                if (stopping && !aborting && state == MqttSessionState.Connected && session.Disconnect()) state = MqttSessionState.Closing;
                if (state == MqttSessionState.Closing) closing = true;
                else if (stopping) { driver.EndConnection(); return; }
                else
                {
                    long wait = session.MillisecondsUntilTick(now);
                    waitMs = wait > options.MaxReadWaitMs ? options.MaxReadWaitMs : (int)wait;
                }
                outputPending = session.PendingOutput > 0;
            }
            if (closing)
            {
                // DISCONNECT may have been queued after this loop's last write: write it, then close.
                writer.Write(options.MaxReadWaitMs);
                lock (sessionLock) driver.EndConnection();
                return;
            }
            // Never longer than the next timer allows: a peer that stops reading must not keep keepalive from running.
            // Input that waits for room in the send buffer waits for the writer that makes it (a streamed payload can
            // take long), rather than spin while another thread holds the turn.
            if (outputPending && !(space < 0 ? writer.Write(options.MaxReadWaitMs) : writer.TryWrite(waitMs))) return;
            if (space > 0 && waitMs > 0)
            {
                try { read = transport.Read(buffer, offset, space, waitMs); }
                catch (Exception) { read = -1; }
            }
        }
    }

    void CloseTransport()
    {
        try { transport.Close(); }
        catch (Exception) { }
    }

    bool IsStopping() => Read(Counter.Stopping) != 0;

    /// <summary>What other threads read of the session, in one lock section per read.</summary>
    enum Counter { Connected, Completed, Received, Dropped, Outbox, LastError, Stopping }

    long Read(Counter counter)
    {
        lock (sessionLock)
        {
            switch (counter)
            {
                case Counter.Connected: return session.State == MqttSessionState.Connected ? 1 : 0;
                case Counter.Completed: return session.PublishesCompleted;
                case Counter.Received: return session.MessagesReceived;
                case Counter.Dropped: return session.MessagesDropped;
                case Counter.Outbox: return session.OutboxCount;
                case Counter.LastError: return (long)session.LastError;
                default: return stopping ? 1 : 0;
            }
        }
    }
}
