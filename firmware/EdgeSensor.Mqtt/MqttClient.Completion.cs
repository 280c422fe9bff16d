using System;

namespace EdgeSensor.Mqtt;

/// <summary>Publishing and waiting for the message's flow to end, for code that wants to block.</summary>
public sealed partial class MqttClient
{
    /// <summary>
    /// Publishes and blocks until the flow completed: Completed after the PUBACK (QoS 1) or PUBCOMP (QoS 2), or, for
    /// QoS 0, once written (it has no acknowledgement); TimedOut when <paramref name="timeoutMs"/> passed first (the
    /// message stays in the outbox, and OnPublishCompleted still follows). While the outbox is full it waits for room
    /// within the same time, and answers OutboxFull when none came; other refusals as Publish. Throws
    /// InvalidOperationException on the I/O thread (from a callback, which would wait for itself) and when four
    /// threads already wait.
    /// </summary>
    public MqttPublishResult PublishAndWait(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain, int timeoutMs)
    {
        if (ioThread.IsCurrent) throw new InvalidOperationException("PublishAndWait on the I/O thread");
        int slot;
        lock (sessionLock) slot = waiters.Take();
        if (slot < 0) throw new InvalidOperationException("PublishAndWait: 4 threads wait already");
        long deadline = clock.NowMs + timeoutMs;
        try
        {
            MqttPublishResult result;
            int messageId;
            while ((result = Publish(topic, payload, offset, count, qos, retain, out messageId)) == MqttPublishResult.OutboxFull && WaitForProgress(Remaining(deadline)))
            {
            }
            if (result != MqttPublishResult.Accepted) return result;
            lock (sessionLock)
            {
                if (!session.IsPending(messageId)) return MqttPublishResult.Completed; // QoS 0 (id 0), or acknowledged already
                waiters.Watch(slot, messageId);
            }
            return waiters.Event(slot).WaitOne(Remaining(deadline), false) ? MqttPublishResult.Completed : MqttPublishResult.TimedOut;
        }
        finally
        {
            lock (sessionLock) waiters.Release(slot);
        }
    }

    int Remaining(long deadline)
    {
        long left = deadline - clock.NowMs;
        return left > 0 ? (int)left : 0;
    }
}
