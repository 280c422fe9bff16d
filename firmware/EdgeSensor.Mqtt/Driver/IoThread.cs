using System;
using System.Reflection;
using System.Threading;

namespace EdgeSensor.Mqtt.Driver;

/// <summary>
/// The client's I/O thread across Start and Stop: one at a time, and, on .NET, a background thread, so that a process
/// that forgets Stop still exits. nanoFramework has no background threads (Thread.IsBackground is not in its API) and
/// its process never exits, so there the property is looked up and not found.
/// </summary>
sealed class IoThread
{
    Thread thread;

    public bool IsAlive => thread != null && thread.IsAlive;

    public bool IsCurrent => thread == Thread.CurrentThread;

    /// <summary>Starts <paramref name="body"/> on a new thread; throws while the previous one still runs.</summary>
    public void Start(ThreadStart body)
    {
        if (IsAlive) throw new InvalidOperationException("the client is running: Stop it first");
        Thread started = new Thread(body);
        // Once per Start, so reflection (which allocates) is affordable; a constant name keeps it visible to trimming.
        MethodInfo background = started.GetType().GetMethod("set_IsBackground");
        if (background is not null) background.Invoke(started, new object[] { true });
        thread = started;
        started.Start();
    }

    /// <summary>Waits for the thread to end; true when it has (or never started).</summary>
    public bool Join(int timeoutMs) => thread == null || thread.Join(timeoutMs);
}
