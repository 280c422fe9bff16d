using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// One thread serving a share of the fleet: it waits on all its devices' sockets at once (Socket.Select,
/// poll(2) on Linux) until one is ready or the earliest device is due, then serves every device. The devices'
/// sessions and apps are only ever touched by this thread.
/// </summary>
sealed class FleetShard
{
    /// <summary>The longest wait, so that a stop request is noticed promptly.</summary>
    const int MaxWaitMs = 100;

    /// <summary>How long the devices get to say goodbye before their connections are simply dropped.</summary>
    const int StopTimeoutMs = 15_000;

    readonly FleetDevice[] devices;
    readonly Thread thread;
    readonly ManualResetEventSlim stopRequested = new ManualResetEventSlim(false);
    readonly List<Socket> checkRead = new List<Socket>();
    readonly List<Socket> checkWrite = new List<Socket>();
    readonly List<Socket> checkError = new List<Socket>();
    readonly HashSet<Socket> readable = new HashSet<Socket>();
    readonly HashSet<Socket> writable = new HashSet<Socket>();

    public FleetShard(FleetDevice[] devices, string name)
    {
        this.devices = devices;
        thread = new Thread(Run) { Name = name, IsBackground = true };
    }

    /// <summary>The loop failed; the shard's devices are dropped (their wills announce them offline).</summary>
    public Exception Failure { get; private set; }

    public void Start()
    {
        thread.Start();
    }

    public void RequestStop()
    {
        stopRequested.Set();
    }

    public bool Join(int timeoutMs)
    {
        return thread.Join(timeoutMs);
    }

    void Run()
    {
        try
        {
            Serve();
        }
        catch (Exception e)
        {
            Failure = e;
            foreach (FleetDevice device in devices) device.Abandon();
        }
    }

    void Serve()
    {
        bool stopping = false;
        long stopDeadline = long.MaxValue;
        while (true)
        {
            long now = Environment.TickCount64;
            if (!stopping && stopRequested.IsSet)
            {
                stopping = true;
                stopDeadline = now + StopTimeoutMs;
            }

            long next = now + MaxWaitMs;
            bool allFinished = true;
            foreach (FleetDevice device in devices)
            {
                Socket socket = device.Socket;
                bool canRead = socket != null && readable.Contains(socket);
                bool canWrite = socket != null && writable.Contains(socket);
                next = Math.Min(next, device.Service(now, canRead, canWrite, stopping));
                allFinished &= device.Finished;
            }

            if (stopping && (allFinished || now >= stopDeadline))
            {
                foreach (FleetDevice device in devices) device.Abandon();
                return;
            }

            Wait((int)Math.Max(0, next - Environment.TickCount64));
        }
    }

    /// <summary>Until a socket is ready or <paramref name="timeoutMs"/> passes; records which sockets are ready.</summary>
    void Wait(int timeoutMs)
    {
        checkRead.Clear();
        checkWrite.Clear();
        checkError.Clear();
        readable.Clear();
        writable.Clear();
        foreach (FleetDevice device in devices)
        {
            Socket socket = device.Socket;
            if (socket == null) continue;
            if (device.WaitsToWrite)
            {
                checkWrite.Add(socket);
                checkError.Add(socket); // a refused connect may show up here only
            }

            checkRead.Add(socket);
        }

        if (checkRead.Count == 0)
        {
            if (timeoutMs > 0) stopRequested.Wait(timeoutMs);
            return;
        }

        Socket.Select(checkRead, checkWrite, checkError, timeoutMs * 1000);
        foreach (Socket socket in checkRead) readable.Add(socket);
        foreach (Socket socket in checkWrite) writable.Add(socket);
        foreach (Socket socket in checkError)
        {
            readable.Add(socket);
            writable.Add(socket);
        }
    }
}
