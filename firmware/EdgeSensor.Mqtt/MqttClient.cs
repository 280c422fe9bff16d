using System;
using System.Threading;
using EdgeSensor.Mqtt.Driver;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Mqtt
{
    /// <summary>
    /// Drives one <see cref="MqttSession"/> over an <see cref="IMqttTransport"/> with a single I/O thread:
    /// connects, reads, runs the timers and reconnects with backoff. Publish and Subscribe are safe from any
    /// thread; the caller's thread writes its own packets (batched with whatever else is pending), so a
    /// publish never waits for the I/O thread to wake up. Callbacks run on the I/O thread.
    /// </summary>
    public sealed class MqttClient : IMqttSessionHandler, IMqttLink
    {
        readonly IMqttTransport transport;
        readonly IMonotonicClock clock;
        readonly MqttClientOptions options;
        readonly IMqttSessionHandler application;
        readonly MqttSession session;
        readonly ReconnectBackoff backoff;
        readonly object sessionLock = new object();
        readonly AutoResetEvent writeFinished = new AutoResetEvent(false);
        readonly ManualResetEvent connected = new ManualResetEvent(false);
        readonly AutoResetEvent stopRequested = new AutoResetEvent(false);
        readonly AutoResetEvent progress = new AutoResetEvent(false);
        Thread ioThread;
        int writing; // 1 while a thread writes to the transport: one writer at a time
        int flushWaiters; // threads waiting in Flush for the write turn
        bool stopping;
        bool aborting;
        string lastTransportError;

        public MqttClient(IMqttTransport transport, IMonotonicClock clock, MqttClientOptions options, IMqttSessionHandler application)
        {
            this.transport = transport;
            this.clock = clock;
            this.options = options;
            this.application = application;
            session = new MqttSession(options.Session, this);
            backoff = new ReconnectBackoff(options.InitialReconnectDelayMs, options.MaxReconnectDelayMs, options.StableConnectionMs, options.JitterSeed);
        }

        public bool IsConnected { get { return Read(Counter.Connected) != 0; } }
        public long PublishesCompleted { get { return Read(Counter.Completed); } }
        public long MessagesReceived { get { return Read(Counter.Received); } }
        public long MessagesDropped { get { return Read(Counter.Dropped); } }
        public int OutboxCount { get { return (int)Read(Counter.Outbox); } }
        public int ConnectionAttempts { get { return backoff.Attempts; } }

        /// <summary>Why the transport last failed to open (the exception's message; it never holds a secret), or null.</summary>
        public string LastTransportError
        {
            get
            {
                Monitor.Enter(sessionLock);
                try { return lastTransportError; }
                finally { Monitor.Exit(sessionLock); }
            }
        }

        public MqttError LastError
        {
            get
            {
                Monitor.Enter(sessionLock);
                try { return session.LastError; }
                finally { Monitor.Exit(sessionLock); }
            }
        }

        public void Start()
        {
            ioThread = new Thread(Run);
            ioThread.Start();
        }

        /// <summary>Waits until connected (CONNACK accepted); false on timeout.</summary>
        public bool WaitForConnection(int timeoutMs)
        {
            return connected.WaitOne(timeoutMs, false);
        }

        /// <summary>
        /// Waits until acknowledgements have freed outbox space (at least half of it is free, or everything left in it
        /// has been sent) or the connection state changed; false on timeout. A producer that found the outbox full waits here.
        /// </summary>
        public bool WaitForProgress(int timeoutMs)
        {
            return progress.WaitOne(timeoutMs, false);
        }

        public MqttPublishResult Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            while (true)
            {
                MqttPublishResult result;
                bool outputPending;
                Monitor.Enter(sessionLock);
                try
                {
                    result = session.Publish(topic, payload, offset, count, qos, retain);
                    outputPending = session.PendingOutput > 0;
                }
                finally { Monitor.Exit(sessionLock); }
                if (!AfterRequest(result, outputPending)) return result;
            }
        }

        public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            while (true)
            {
                MqttPublishResult result;
                bool outputPending;
                Monitor.Enter(sessionLock);
                try
                {
                    result = session.Publish(topic, 0, topic.Length, payload, offset, count, qos, retain);
                    outputPending = session.PendingOutput > 0;
                }
                finally { Monitor.Exit(sessionLock); }
                if (!AfterRequest(result, outputPending)) return result;
            }
        }

        /// <summary>Writes what a request queued; true when a QoS 0 publish found the send buffer full and should try again now that it was written.</summary>
        bool AfterRequest(MqttPublishResult result, bool outputPending)
        {
            // A QoS 1 publish behind a full inflight window queues nothing to write: the I/O thread sends it
            // when an acknowledgement opens the window.
            if (!outputPending) return false;
            // On the I/O thread (inside a callback) the session lock is held: writing from here could
            // deadlock with another writer, and the I/O loop writes right after the callback anyway.
            if (Thread.CurrentThread == ioThread) return false;
            if (!Flush()) return false;
            return result == MqttPublishResult.SendBufferFull;
        }

        /// <summary>Adds a subscription (kept across reconnects) and returns its index, which messages report.</summary>
        public int Subscribe(string filter, MqttQos qos)
        {
            int index;
            Monitor.Enter(sessionLock);
            try { index = session.Subscribe(filter, qos); }
            finally { Monitor.Exit(sessionLock); }
            AfterRequest(MqttPublishResult.Accepted, true);
            return index;
        }

        public void Unsubscribe(int subscriptionIndex)
        {
            Monitor.Enter(sessionLock);
            try { session.Unsubscribe(subscriptionIndex); }
            finally { Monitor.Exit(sessionLock); }
            AfterRequest(MqttPublishResult.Accepted, true);
        }

        /// <summary>Sends DISCONNECT (so the broker discards the will), closes the transport and ends the I/O thread.</summary>
        public void Stop(int timeoutMs)
        {
            Monitor.Enter(sessionLock);
            try
            {
                stopping = true;
                session.Disconnect();
            }
            finally { Monitor.Exit(sessionLock); }
            Flush();
            CloseTransport();
            stopRequested.Set();
            if (ioThread != null) ioThread.Join(timeoutMs);
        }

        /// <summary>
        /// Ends the connection without DISCONNECT, as a power cut or a crash would: the broker publishes the will.
        /// The session state (outbox included) is kept.
        /// </summary>
        public void Abort(int timeoutMs)
        {
            Monitor.Enter(sessionLock);
            try
            {
                stopping = true;
                aborting = true;
                session.ConnectionLost();
            }
            finally { Monitor.Exit(sessionLock); }
            CloseTransport();
            stopRequested.Set();
            if (ioThread != null) ioThread.Join(timeoutMs);
        }

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
                Monitor.Enter(sessionLock);
                try { lastTransportError = e.Message; }
                finally { Monitor.Exit(sessionLock); }
                application.OnDisconnected(MqttError.ConnectFailed, MqttConnectReturnCode.Accepted);
                return false;
            }
            MqttError error;
            Monitor.Enter(sessionLock);
            try { error = session.Connect(options.Connect, clock.NowMs); }
            finally { Monitor.Exit(sessionLock); }
            if (error == MqttError.None) return true;
            application.OnDisconnected(error, MqttConnectReturnCode.Accepted); // the options are wrong: say so each attempt
            CloseTransport();
            return false;
        }

        /// <summary>The connection's life: process, tick, write, read; returns when the session is disconnected.</summary>
        void Pump()
        {
            int read = 0;
            while (true)
            {
                byte[] buffer = null;
                int offset = 0, space = 0, waitMs = 0;
                bool closing = false, outputPending;
                // One lock section per turn: take in what was read, run the timers, decide what comes next.
                Monitor.Enter(sessionLock);
                try
                {
                    long now = clock.NowMs;
                    long completed = session.PublishesCompleted;
                    if (read > 0) session.Received(read, now);
                    else if (read < 0) session.ConnectionLost();
                    else if (session.InputStalled) session.ResumeInput(now); // the output it waited for was written since
                    read = 0;
                    session.Tick(now);
                    if (session.PublishesCompleted != completed && session.OutboxLow) progress.Set();

                    MqttSessionState state = session.State;
                    if (state == MqttSessionState.Disconnected) return;
                    // Stop() came while connecting: it found no connection to say goodbye on, so it is said here.
                    if (stopping && !aborting && state == MqttSessionState.Connected && session.Disconnect()) state = MqttSessionState.Closing;
                    if (state == MqttSessionState.Closing) closing = true;
                    else if (stopping)
                    {
                        session.ConnectionLost();
                        return;
                    }
                    else if (!session.InputStalled)
                    {
                        space = session.GetReceiveSpace(out buffer, out offset);
                        long wait = session.MillisecondsUntilTick(now);
                        waitMs = wait > options.MaxReadWaitMs ? options.MaxReadWaitMs : (int)wait;
                    }
                    outputPending = session.PendingOutput > 0;
                }
                finally { Monitor.Exit(sessionLock); }
                if (closing)
                {
                    // DISCONNECT may have been queued after this loop's Flush and not be written yet; closing now
                    // would drop it, and the broker would publish the will [MQTT-3.1.2-10]. Write it, then close.
                    Flush();
                    Monitor.Enter(sessionLock);
                    try { session.ConnectionLost(); }
                    finally { Monitor.Exit(sessionLock); }
                    return;
                }
                if (outputPending && !TryFlush()) return;
                if (space > 0 && waitMs > 0)
                {
                    try { read = transport.Read(buffer, offset, space, waitMs); }
                    catch (Exception) { read = -1; }
                }
            }
        }

        /// <summary>Writes everything pending, one writer at a time, outside the session lock; false when the transport failed.</summary>
        bool Flush()
        {
            while (Interlocked.CompareExchange(ref writing, 1, 0) != 0)
            {
                // Counted before trying again, so that a writer finishing in between either sees the count and
                // wakes us, or has already left the turn free for this second try.
                Interlocked.Increment(ref flushWaiters);
                bool free = Interlocked.CompareExchange(ref writing, 1, 0) == 0;
                if (!free) writeFinished.WaitOne(50, false);
                Interlocked.Decrement(ref flushWaiters);
                if (free) break;
            }
            return WritePending();
        }

        /// <summary>
        /// The I/O thread's flush: it never waits behind another writer. A writer blocked on a dead link must not
        /// stop the I/O thread from reading and ticking, or keepalive could not declare the link dead and close it.
        /// </summary>
        bool TryFlush()
        {
            if (Interlocked.CompareExchange(ref writing, 1, 0) != 0) return true; // that writer takes our bytes too
            return WritePending();
        }

        /// <summary>
        /// Writes everything pending, outside the session lock, and ends the write turn; false when the transport
        /// failed. Bytes queued by a thread that found the turn taken just before it ended are written too.
        /// </summary>
        bool WritePending()
        {
            while (true)
            {
                if (!WriteTurn()) return false;
                int pending;
                Monitor.Enter(sessionLock);
                try { pending = session.PendingOutput; }
                finally { Monitor.Exit(sessionLock); }
                if (pending == 0 || Interlocked.CompareExchange(ref writing, 1, 0) != 0) return true;
            }
        }

        bool WriteTurn()
        {
            try
            {
                while (true)
                {
                    byte[] buffer;
                    int offset, count;
                    Monitor.Enter(sessionLock);
                    try { count = session.GetOutput(out buffer, out offset); }
                    finally { Monitor.Exit(sessionLock); }
                    if (count == 0) return true;

                    bool written = true;
                    try { transport.Write(buffer, offset, count); }
                    catch (Exception) { written = false; }

                    Monitor.Enter(sessionLock);
                    try
                    {
                        session.OutputWritten(written ? count : 0, clock.NowMs);
                        if (!written) session.ConnectionLost();
                    }
                    finally { Monitor.Exit(sessionLock); }
                    if (!written) return false;
                }
            }
            finally
            {
                Interlocked.Exchange(ref writing, 0);
                if (Interlocked.CompareExchange(ref flushWaiters, 0, 0) > 0) writeFinished.Set();
            }
        }

        void CloseTransport()
        {
            try { transport.Close(); }
            catch (Exception) { }
        }

        bool IsStopping()
        {
            Monitor.Enter(sessionLock);
            try { return stopping; }
            finally { Monitor.Exit(sessionLock); }
        }

        enum Counter { Connected, Completed, Received, Dropped, Outbox }

        long Read(Counter counter)
        {
            Monitor.Enter(sessionLock);
            try
            {
                switch (counter)
                {
                    case Counter.Connected: return session.State == MqttSessionState.Connected ? 1 : 0;
                    case Counter.Completed: return session.PublishesCompleted;
                    case Counter.Received: return session.MessagesReceived;
                    case Counter.Dropped: return session.MessagesDropped;
                    default: return session.OutboxCount;
                }
            }
            finally { Monitor.Exit(sessionLock); }
        }

        void IMqttSessionHandler.OnConnected(bool sessionPresent)
        {
            backoff.Connected(clock.NowMs);
            application.OnConnected(sessionPresent);
            connected.Set(); // after the application's own handling, so that a waiter sees its effects
        }

        void IMqttSessionHandler.OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
        {
            connected.Reset();
            progress.Set();
            application.OnDisconnected(reason, returnCode);
        }

        void IMqttSessionHandler.OnMessage(MqttMessage message)
        {
            application.OnMessage(message);
        }

        void IMqttSessionHandler.OnSubscribeResult(int subscriptionIndex, int returnCode)
        {
            application.OnSubscribeResult(subscriptionIndex, returnCode);
        }
    }
}
