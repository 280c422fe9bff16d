using System;

namespace EdgeSensor.Mqtt;

/// <summary>Waiting for a message's flow to end, for code that wants to block.</summary>
public sealed partial class MqttClient
{
    /// <summary>
    /// Publishes and blocks until the flow completed: Completed after the PUBACK (QoS 1) or PUBCOMP (QoS 2), or, for
    /// QoS 0, once written (it has no acknowledgement); TimedOut when <paramref name="timeoutMs"/> passed first (the
    /// message stays in the outbox, and OnPublishCompleted still follows). While the outbox is full it waits for room
    /// within the same time, and answers OutboxFull when none came; other refusals as Publish. Throws as
    /// <see cref="WaitForCompletion"/>, before publishing.
    /// </summary>
    public MqttPublishResult PublishAndWait(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain, int timeoutMs)
    {
        int slot = TakeWaiter();
        long deadline = clock.NowMs + timeoutMs;
        try
        {
            MqttPublishResult result;
            int messageId;
            while ((result = Publish(topic, payload, offset, count, qos, retain, out messageId)) == MqttPublishResult.OutboxFull && WaitForProgress(Remaining(deadline)))
            {
            }
            if (result != MqttPublishResult.Accepted) return result;
            return Await(slot, messageId, Remaining(deadline)) ? MqttPublishResult.Completed : MqttPublishResult.TimedOut;
        }
        finally
        {
            lock (sessionLock) waiters.Release(slot);
        }
    }

    /// <summary>
    /// Blocks until the message that Publish(..., out messageId) numbered has completed its flow (at once when it is
    /// not pending: completed already, or id 0); false when <paramref name="timeoutMs"/> passed first or the client was
    /// disposed. Throws InvalidOperationException on the I/O thread (from a callback, which would wait for itself) and
    /// when four threads already wait.
    /// </summary>
    public bool WaitForCompletion(int messageId, int timeoutMs)
    {
        int slot = TakeWaiter();
        try { return Await(slot, messageId, timeoutMs); }
        finally
        {
            lock (sessionLock) waiters.Release(slot);
        }
    }

    int TakeWaiter()
    {
        if (ioThread.IsCurrent) throw new InvalidOperationException("waiting on the I/O thread");
        int slot;
        lock (sessionLock) slot = waiters.Take();
        if (slot < 0) throw new InvalidOperationException("4 threads wait already");
        return slot;
    }

    bool Await(int slot, int messageId, int timeoutMs)
    {
        lock (sessionLock)
        {
            bool pending = session.IsPending(messageId);
            if (!pending || disposed) return !pending;
            waiters.Watch(slot, messageId);
        }
        waiters.Event(slot).WaitOne(timeoutMs, false);
        lock (sessionLock) return !session.IsPending(messageId); // Dispose wakes every waiter, completed or not
    }

    int Remaining(long deadline)
    {
        long left = deadline - clock.NowMs;
        return left > 0 ? (int)left : 0;
    }
}
