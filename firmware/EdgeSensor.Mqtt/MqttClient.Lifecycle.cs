using System;

namespace EdgeSensor.Mqtt;

/// <summary>The client's life: Start, Stop or Abort, Start again with the same session, Dispose.</summary>
public sealed partial class MqttClient
{
    /// <summary>
    /// Starts the I/O thread, which connects and keeps reconnecting until Stop or Abort; again after them, with the same
    /// session. Throws InvalidOperationException while running (a Stop that timed out included), ObjectDisposedException after Dispose.
    /// </summary>
    public void Start()
    {
        lock (sessionLock)
        {
            if (disposed) throw new ObjectDisposedException("MqttClient");
            stopping = false;
            aborting = false;
            stopRequested.Reset();
            ioThread.Start(Run);
        }
    }

    /// <summary>True from Start until Stop or Abort has ended the I/O thread.</summary>
    public bool IsRunning { get { lock (sessionLock) return ioThread.IsAlive; } }

    /// <summary>
    /// Sends DISCONNECT (so the broker discards the will), closes the transport and ends the I/O thread: half of
    /// <paramref name="timeoutMs"/> each, plus up to MaxReadWaitMs when the I/O thread is writing to a peer that stopped
    /// reading. True when the I/O thread has ended, so that Start may follow; harmless when not running.
    /// </summary>
    public bool Stop(int timeoutMs)
    {
        lock (sessionLock)
        {
            stopping = true;
            session.Disconnect();
        }
        timeoutMs /= 2;
        writer.Write(timeoutMs); // DISCONNECT before the transport closes, or the broker publishes the will [MQTT-3.1.2-10]
        return EndIoThread(timeoutMs);
    }

    /// <summary>
    /// Ends the connection without DISCONNECT, as a power cut or a crash would: the broker publishes the will.
    /// The session state (outbox included) is kept. True when the I/O thread has ended.
    /// </summary>
    public bool Abort(int timeoutMs)
    {
        lock (sessionLock)
        {
            stopping = true;
            aborting = true;
            driver.EndConnection();
        }
        return EndIoThread(timeoutMs);
    }

    bool EndIoThread(int timeoutMs)
    {
        CloseTransport();
        stopRequested.Set();
        return ioThread.Join(timeoutMs);
    }

    /// <summary>
    /// Stops the client when it runs (as Stop, with 4 x MaxReadWaitMs) and refuses Start from then on. The events stay to
    /// the garbage collector: nanoFramework's WaitHandle has no Close.
    /// </summary>
    public void Dispose()
    {
        if (IsDisposed) return;
        if (IsRunning) Stop(4 * options.MaxReadWaitMs);
        lock (sessionLock) disposed = true;
        connected.Set(); // WaitForConnection answers false from now on, without waiting
        progress.Set();
        lock (sessionLock) waiters.WakeAll();
    }

    bool IsDisposed { get { lock (sessionLock) return disposed; } }
}
