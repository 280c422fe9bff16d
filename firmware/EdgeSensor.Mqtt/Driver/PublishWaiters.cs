using System.Threading;

namespace EdgeSensor.Mqtt.Driver;

/// <summary>
/// The threads in <see cref="MqttClient.WaitForCompletion"/> and PublishAndWait: at most
/// four at a time, each waiting on its own event for its own message id. Every call is made under the session lock.
/// </summary>
sealed class PublishWaiters
{
    const int Reserved = -1;
    readonly int[] ids = new int[4];
    readonly AutoResetEvent[] events = new AutoResetEvent[4];

    /// <summary>A free slot, held until <see cref="Release"/>; -1 when all four are taken.</summary>
    public int Take()
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] != 0) continue;
            ids[i] = Reserved;
            if (events[i] == null) events[i] = new AutoResetEvent(false); // once per slot, on first use
            events[i].Reset();
            return i;
        }
        return -1;
    }

    /// <summary>The slot now waits for this message.</summary>
    public void Watch(int slot, int messageId) => ids[slot] = messageId;

    public void Release(int slot) => ids[slot] = 0;

    public AutoResetEvent Event(int slot) => events[slot];

    /// <summary>Dispose: nothing will complete from now on.</summary>
    public void WakeAll()
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] != 0) events[i].Set();
        }
    }

    /// <summary>From OnPublishCompleted, on the I/O thread.</summary>
    public void Completed(int messageId)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] == messageId) events[i].Set();
        }
    }
}
