using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Mqtt.Driver
{
    /// <summary>
    /// What the owner of an <see cref="MqttSession"/> must call, and when: the calling rules in one place, followed by
    /// <see cref="MqttClient"/> (one blocking I/O thread, writers on any thread) and by the desktop fleet (non-blocking
    /// sockets, one thread for many sessions). Each member is one step, made under the owner's serialisation (a lock,
    /// or a single thread); the I/O between steps is the owner's and may happen outside that lock.
    /// <list type="number">
    /// <item>Open the transport, then <see cref="Start"/>.</item>
    /// <item>Read into <see cref="ReceiveSpace"/> and pass the result to <see cref="Received"/>. No space while
    /// <see cref="InputStalled"/> means received packets wait for room to answer: write the output, then ask again.</item>
    /// <item>Write what <see cref="Output"/> gives and pass the result to <see cref="Written"/>; the bytes stay in place
    /// until then, so the write needs no lock.</item>
    /// <item><see cref="Tick"/> whenever woken, and wait for input no longer than <see cref="MillisecondsUntilTick"/>.</item>
    /// <item>When <see cref="TransportDone"/>, close the transport and call <see cref="EndConnection"/>. After
    /// <see cref="Disconnect"/> that is once the DISCONNECT is written, never before: a DISCONNECT lost with the
    /// transport makes the broker publish the will [MQTT-3.1.2-10].</item>
    /// </list>
    /// </summary>
    public sealed class SessionDriver
    {
        readonly MqttSession session;

        public SessionDriver(MqttSession session)
        {
            this.session = session;
        }

        public MqttSession Session => session;

        /// <summary>The transport is open: queues CONNECT (None), or says why these options cannot connect.</summary>
        public MqttError Start(MqttConnectOptions connect, long now) => session.Connect(connect, now);

        /// <summary>
        /// Where the transport may read and how much; 0 when no read may happen now: the connection is over, or input
        /// still waits for room to answer. Input that waited resumes here, on the reading thread, so that callbacks
        /// never run on a writer's thread.
        /// </summary>
        public int ReceiveSpace(out byte[] buffer, out int offset, long now)
        {
            buffer = null;
            offset = 0;
            if (session.InputStalled) session.ResumeInput(now);
            if (session.InputStalled || session.State == MqttSessionState.Disconnected) return 0;
            return session.GetReceiveSpace(out buffer, out offset);
        }

        public bool InputStalled => session.InputStalled;

        /// <summary>A read's result: the bytes read into the receive space, 0 for none, negative when the peer closed or the read failed.</summary>
        public void Received(int count, long now)
        {
            if (count < 0) session.ConnectionLost();
            else session.Received(count, now);
        }

        /// <summary>The bytes to write, in place until <see cref="Written"/>; 0 when nothing is pending.</summary>
        public int Output(out byte[] buffer, out int offset) => session.GetOutput(out buffer, out offset);

        /// <summary>A write's result: the bytes the transport took (possibly fewer), or negative when it failed, which ends the connection.</summary>
        public void Written(int count, long now)
        {
            session.OutputWritten(count < 0 ? 0 : count, now);
            if (count < 0) session.ConnectionLost();
        }

        public void Tick(long now) => session.Tick(now);

        public long MillisecondsUntilTick(long now) => session.MillisecondsUntilTick(now);

        /// <summary>Queues DISCONNECT when connected; the transport closes once <see cref="TransportDone"/> says it is written.</summary>
        public bool Disconnect() => session.Disconnect();

        /// <summary>The transport should close now: the session ended the connection, or the DISCONNECT it queued is written.</summary>
        public bool TransportDone
        {
            get
            {
                MqttSessionState state = session.State;
                return state == MqttSessionState.Disconnected || (state == MqttSessionState.Closing && session.PendingOutput == 0);
            }
        }

        /// <summary>The transport is closing: the connection ends with it. True when it ended as the client asked, its DISCONNECT written.</summary>
        public bool EndConnection()
        {
            session.ConnectionLost();
            return session.LastError == MqttError.ClosedByClient;
        }
    }
}
