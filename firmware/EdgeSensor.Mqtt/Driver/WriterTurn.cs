using System;
using System.Threading;

namespace EdgeSensor.Mqtt.Driver
{
    /// <summary>
    /// One writer at a time moves a session's output to the transport, outside the session lock, so that a publishing
    /// thread never waits for the I/O thread to wake up. The writer holding the turn writes everything pending,
    /// including what other threads queue meanwhile: a thread that finds the turn taken may leave its bytes to it.
    /// </summary>
    internal sealed class WriterTurn
    {
        readonly SessionDriver driver;
        readonly object sessionLock;
        readonly IMqttTransport transport;
        readonly IMonotonicClock clock;
        readonly object turnLock = new object();
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

        /// <summary>Waits for the turn, then writes everything pending; false when the transport failed.</summary>
        public bool Write()
        {
            Take(true);
            return WritePending();
        }

        /// <summary>
        /// Writes everything pending unless another writer has the turn, in which case it returns true at once: that
        /// writer takes these bytes too. The I/O thread writes only this way. Waiting behind a writer blocked on a
        /// dead link would stop it reading and ticking, and keepalive could never declare the link dead.
        /// </summary>
        public bool TryWrite() => !Take(false) || WritePending();

        bool Take(bool wait)
        {
            lock (turnLock)
            {
                if (!taken) return taken = true;
                if (!wait) return false;
                waiting++; // counted under the lock, so a release in between sets the event for us
            }
            while (true)
            {
                released.WaitOne();
                lock (turnLock)
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
        /// Holding the turn: writes until nothing is pending and gives the turn up. Bytes queued just before by a thread
        /// that found the turn taken are then still pending, and written after taking the turn again.
        /// </summary>
        bool WritePending()
        {
            while (true)
            {
                bool written;
                try { written = WriteUntilEmpty(); }
                finally
                {
                    lock (turnLock)
                    {
                        taken = false;
                        if (waiting > 0) released.Set();
                    }
                }
                if (!written) return false;
                int pending;
                lock (sessionLock) pending = driver.Session.PendingOutput;
                if (pending == 0 || !Take(false)) return true;
            }
        }

        bool WriteUntilEmpty()
        {
            byte[] buffer;
            int offset, count;
            lock (sessionLock) count = driver.Output(out buffer, out offset);
            while (count > 0)
            {
                bool written = true;
                try { transport.Write(buffer, offset, count); }
                catch (Exception) { written = false; }
                lock (sessionLock)
                {
                    driver.Written(written ? count : -1, clock.NowMs);
                    count = written ? driver.Output(out buffer, out offset) : -1;
                }
            }
            return count == 0;
        }
    }
}
