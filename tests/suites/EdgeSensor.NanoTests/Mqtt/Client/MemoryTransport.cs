using System;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoTests.Client;

/// <summary>
/// A transport in memory: the test delivers the broker's bytes (<see cref="Deliver"/>) and takes what the client wrote
/// (<see cref="Take"/>), in order, across connections. It can refuse to open, fail or hold a write, or be closed by
/// the peer. Reads wait on an event, so <see cref="Wake"/> makes the I/O thread look at the (fake) time at once.
/// </summary>
public sealed class MemoryTransport : IMqttTransport
{
    readonly object gate = new object();
    readonly AutoResetEvent readable = new AutoResetEvent(false);
    readonly AutoResetEvent activity = new AutoResetEvent(false);
    readonly ManualResetEvent writeGate = new ManualResetEvent(true);
    byte[] inbound = new byte[256];
    int inboundCount;
    byte[] written = new byte[1024];
    int writtenCount;
    int cursor;
    bool open;
    bool peerClosed;
    int generation;
    int opens;
    int closes;
    int writersInside;
    int mostConcurrentWriters;
    int writtenAtFirstClose = -1;
    Thread reader;

    /// <summary>How many of the next opens throw, as an unreachable broker would.</summary>
    public int FailOpens;

    public const string Refusal = "refused";

    /// <summary>How many of the next writes throw, as a broken link would.</summary>
    public int FailWrites;

    public void Open(int timeoutMs)
    {
        lock (gate)
        {
            opens++;
            if (FailOpens > 0)
            {
                FailOpens--;
                activity.Set();
                throw new Exception(Refusal);
            }
            open = true;
            peerClosed = false;
            inboundCount = 0;
            generation++;
        }
        activity.Set();
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        for (int pass = 0; ; pass++)
        {
            lock (gate)
            {
                reader = Thread.CurrentThread;
                if (!open || peerClosed) return -1;
                if (inboundCount > 0)
                {
                    int n = inboundCount < count ? inboundCount : count;
                    Array.Copy(inbound, 0, buffer, offset, n);
                    Array.Copy(inbound, n, inbound, 0, inboundCount - n);
                    inboundCount -= n;
                    if (inboundCount == 0) activity.Set();
                    return n;
                }
                if (pass > 0) return 0; // woken, or the wait ran out: the client looks at its timers
            }
            readable.WaitOne(timeoutMs, false);
        }
    }

    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int connection;
        lock (gate)
        {
            if (!open) throw new Exception("closed");
            if (FailWrites > 0)
            {
                FailWrites--;
                throw new Exception("failed");
            }
            connection = generation;
            writersInside++;
            if (writersInside > mostConcurrentWriters) mostConcurrentWriters = writersInside;
        }
        activity.Set();
        bool taken = writeGate.WaitOne(timeoutMs, false);
        lock (gate)
        {
            writersInside--;
            // A write held across the end of its connection belonged to that connection's socket.
            if (!open || connection != generation) throw new Exception("closed");
            if (!taken) return 0; // a peer that stopped reading takes nothing
            if (writtenCount + count > written.Length)
            {
                byte[] larger = new byte[(writtenCount + count) * 2];
                Array.Copy(written, larger, writtenCount);
                written = larger;
            }
            Array.Copy(buffer, offset, written, writtenCount, count);
            writtenCount += count;
        }
        activity.Set();
        return count;
    }

    public void Close()
    {
        lock (gate)
        {
            if (open && writtenAtFirstClose < 0) writtenAtFirstClose = writtenCount;
            open = false;
            closes++;
        }
        readable.Set();
        activity.Set();
    }

    // The broker's side, for the test.

    public void Deliver(byte[] bytes)
    {
        lock (gate)
        {
            if (inboundCount + bytes.Length > inbound.Length)
            {
                byte[] larger = new byte[(inboundCount + bytes.Length) * 2];
                Array.Copy(inbound, larger, inboundCount);
                inbound = larger;
            }
            Array.Copy(bytes, 0, inbound, inboundCount, bytes.Length);
            inboundCount += bytes.Length;
        }
        readable.Set();
    }

    /// <summary>Ends a blocked read with nothing read, so that the I/O thread ticks (after the test moved the clock).</summary>
    public void Wake() => readable.Set();

    /// <summary>The broker closes the connection: the next read answers -1.</summary>
    public void CloseFromPeer()
    {
        lock (gate) peerClosed = true;
        readable.Set();
    }

    /// <summary>Writes wait inside the transport until <see cref="ReleaseWrites"/> or their timeout (then the peer took nothing).</summary>
    public void HoldWrites() => writeGate.Reset();

    public void ReleaseWrites() => writeGate.Set();

    public int Opens { get { lock (gate) return opens; } }

    public int Closes { get { lock (gate) return closes; } }

    public int WritersInside { get { lock (gate) return writersInside; } }

    public int MostConcurrentWriters { get { lock (gate) return mostConcurrentWriters; } }

    /// <summary>Bytes written before the first close of an open connection, or -1.</summary>
    public int WrittenAtFirstClose { get { lock (gate) return writtenAtFirstClose; } }

    /// <summary>The thread that last read: the client's I/O thread.</summary>
    public Thread Reader { get { lock (gate) return reader; } }

    /// <summary>The next <paramref name="count"/> bytes written (fewer if they do not come in time), in order.</summary>
    public byte[] Take(int count, int timeoutMs)
    {
        WaitUntilWritten(count, timeoutMs);
        lock (gate)
        {
            int n = writtenCount - cursor < count ? writtenCount - cursor : count;
            byte[] bytes = new byte[n];
            Array.Copy(written, cursor, bytes, 0, n);
            cursor += n;
            return bytes;
        }
    }

    /// <summary>Whatever was written and not yet taken.</summary>
    public byte[] TakeAll() => Take(Untaken, 0);

    public int Untaken { get { lock (gate) return writtenCount - cursor; } }

    /// <summary>Bytes [from, from + count) of everything written.</summary>
    public byte[] WrittenAt(int from, int count)
    {
        lock (gate)
        {
            byte[] bytes = new byte[from >= 0 && from + count <= writtenCount ? count : 0];
            Array.Copy(written, from < 0 ? 0 : from, bytes, 0, bytes.Length);
            return bytes;
        }
    }

    void WaitUntilWritten(int count, int timeoutMs)
    {
        long deadline = DateTime.UtcNow.Ticks + timeoutMs * TimeSpan.TicksPerMillisecond;
        while (Untaken < count)
        {
            long left = (deadline - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
            if (left <= 0) return;
            activity.WaitOne(left > 100 ? 100 : (int)left, false);
        }
    }

    /// <summary>Waits until the client has read everything delivered.</summary>
    public bool WaitForDrained(int timeoutMs)
    {
        long deadline = DateTime.UtcNow.Ticks + timeoutMs * TimeSpan.TicksPerMillisecond;
        while (true)
        {
            lock (gate) if (inboundCount == 0) return true;
            long left = (deadline - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
            if (left <= 0) return false;
            activity.WaitOne(left > 100 ? 100 : (int)left, false);
        }
    }

    /// <summary>Waits until the transport was opened <paramref name="count"/> times (failed opens included).</summary>
    public bool WaitForOpens(int count, int timeoutMs) => WaitFor(count, timeoutMs, true);

    /// <summary>Waits until a writer is inside <see cref="Write"/> (held there by <see cref="HoldWrites"/>).</summary>
    public bool WaitForWriter(int timeoutMs) => WaitFor(1, timeoutMs, false);

    bool WaitFor(int count, int timeoutMs, bool opensNotWriters)
    {
        long deadline = DateTime.UtcNow.Ticks + timeoutMs * TimeSpan.TicksPerMillisecond;
        while ((opensNotWriters ? Opens : WritersInside) < count)
        {
            long left = (deadline - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
            if (left <= 0) return false;
            activity.WaitOne(left > 100 ? 100 : (int)left, false);
        }
        return true;
    }
}
