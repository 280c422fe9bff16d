using System;
using System.Threading;

namespace EdgeSensor.Mqtt.Driver;

/// <summary>
/// One writer at a time moves a session's output to the transport, outside the session lock, so that a publishing
/// thread never waits for the I/O thread to wake up. The turn is kept under the session lock and given up in the
/// same lock section that finds nothing left to write: bytes queued before that are written by the turn's holder,
/// bytes queued after it find the turn free. A thread that finds the turn taken may leave its bytes to the holder.
/// </summary>
sealed class WriterTurn
{
    readonly SessionDriver driver;
    readonly object sessionLock;
    readonly IMqttTransport transport;
    readonly IMonotonicClock clock;
    readonly AutoResetEvent released = new AutoResetEvent(false);
    bool taken;
    int waiting;

    public WriterTurn(SessionDriver driver, object sessionLock, IMqttTransport transport, IMonotonicClock clock)
    {
        this.driver = driver;
        this.sessionLock = sessionLock;
        this.transport = transport;
        this.clock = clock;
    }

    /// <summary>
    /// Waits for the turn, then writes what is pending for at most <paramref name="timeoutMs"/>; what the peer has not
    /// taken by then stays pending for the next writer. False when the transport failed.
    /// </summary>
    public bool Write(int timeoutMs)
    {
        Take(true);
        return WritePending(timeoutMs);
    }

    /// <summary>
    /// Writes everything pending unless another writer has the turn, in which case it returns true at once: that
    /// writer takes these bytes too. The I/O thread writes only this way. Waiting behind a writer blocked on a
    /// dead link would stop it reading and ticking, and keepalive could never declare the link dead.
    /// </summary>
    public bool TryWrite(int timeoutMs) => !Take(false) || WritePending(timeoutMs);

    bool Take(bool wait)
    {
        lock (sessionLock)
        {
            if (!taken) return taken = true;
            if (!wait) return false;
            waiting++; // counted under the lock: the holder giving the turn up sets the event for us
        }
        while (true)
        {
            released.WaitOne();
            lock (sessionLock)
            {
                if (!taken)
                {
                    waiting--;
                    return taken = true;
                }
            }
        }
    }

    /// <summary>
    /// Holding the turn: writes until nothing is pending or the peer took less than offered within
    /// <paramref name="timeoutMs"/>, then gives the turn up; false when the transport failed.
    /// </summary>
    bool WritePending(int timeoutMs)
    {
        bool holding = true;
        try
        {
            while (true)
            {
                byte[] buffer;
                int offset, count;
                lock (sessionLock)
                {
                    count = driver.Output(out buffer, out offset);
                    if (count == 0)
                    {
                        holding = false;
                        GiveUp();
                        return true;
                    }
                }
                int written;
                try { written = transport.Write(buffer, offset, count, timeoutMs); }
                catch (Exception) { written = -1; }
                lock (sessionLock) driver.Written(written, clock.NowMs);
                if (written < 0) return false;
                if (written < count) return true; // the peer is not reading: the rest waits, and keepalive judges the link
            }
        }
        finally
        {
            if (holding) lock (sessionLock) GiveUp();
        }
    }

    /// <summary>Under the session lock.</summary>
    void GiveUp()
    {
        taken = false;
        if (waiting > 0) released.Set();
    }
}
