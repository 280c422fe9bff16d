using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Mqtt.Driver;

/// <summary>
/// What the owner of an <see cref="MqttSession"/> must call, and when: the calling rules in one place, followed by
/// <see cref="MqttClient"/> (one blocking I/O thread, writers on any thread) and by the desktop fleet (non-blocking
/// sockets, one thread for many sessions). Every call, here or on the session, is made under the owner's
/// serialisation (a lock, or a single thread); the I/O between calls is the owner's and may happen outside it.
/// <list type="number">
/// <item>Open the transport, then <see cref="MqttSession.Connect"/>.</item>
/// <item>Read into <see cref="ReceiveSpace"/> and pass the result to <see cref="Received"/>. Negative space means
/// received packets wait for room to answer: write, then ask again.</item>
/// <item>Write what <see cref="Output"/> gives and pass the result to <see cref="Written"/>; the bytes stay in place
/// until then, so the write itself needs no lock.</item>
/// <item><see cref="MqttSession.Tick"/> whenever woken, and wait for input no longer than
/// <see cref="MqttSession.MillisecondsUntilTick"/>.</item>
/// <item>When <see cref="TransportDone"/>, close the transport and call <see cref="EndConnection"/>. After
/// <see cref="MqttSession.Disconnect"/> that is once the DISCONNECT is written, never before: a DISCONNECT lost with
/// the transport makes the broker publish the will [MQTT-3.1.2-10].</item>
/// </list>
/// </summary>
public sealed class SessionDriver
{
    readonly MqttSession session;

    public SessionDriver(MqttSession session)
    {
        this.session = session;
    }

    /// <summary>
    /// Where the transport may read and how much; 0 when the connection is over; -1 while received packets wait for
    /// room in the send buffer to answer: write the output, then ask again. Input that waited resumes here, on the
    /// reading thread, so that callbacks never run on a writer's thread.
    /// </summary>
    public int ReceiveSpace(out byte[] buffer, out int offset, long now)
    {
        buffer = null;
        offset = 0;
        if (session.InputStalled) session.ResumeInput();
        if (session.InputStalled) return -1;
        return session.State == MqttSessionState.Disconnected ? 0 : session.GetReceiveSpace(out buffer, out offset);
    }

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
