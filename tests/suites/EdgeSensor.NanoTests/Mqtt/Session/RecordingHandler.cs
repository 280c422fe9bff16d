using System;
using System.Threading;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>One delivered chunk of a message, copied out of the callback (the view is only valid inside it).</summary>
public sealed class ReceivedChunk
{
    public string Topic;
    public byte[] Payload;
    public int Position;
    public int Total;
    public MqttQos Qos;
    public bool Retain;
    public bool Dup;
    public int SubscriptionIndex;
}

/// <summary>
/// Records what a session reports, in order. Safe to read from another thread than the one calling back (the client
/// calls back on its I/O thread): each record is taken under a lock and wakes <see cref="WaitFor"/>.
/// </summary>
public sealed class RecordingHandler : IMqttSessionHandler
{
    readonly object gate = new object();
    readonly AutoResetEvent changed = new AutoResetEvent(false);
    string[] events = new string[8];
    ReceivedChunk[] chunks = new ReceivedChunk[8];
    int[] subscribeResults = new int[8]; // index, code, index, code...
    int eventCount;
    int chunkCount;
    int subscribeCount;
    int messageCount;

    /// <summary>The text an event is recorded as: enums as numbers, which nanoFramework prints the same way.</summary>
    public static string Connected(bool sessionPresent) => sessionPresent ? "connected sp=1" : "connected sp=0";

    public static string Disconnected(MqttError reason, MqttConnectReturnCode code)
        => "disconnected " + ((int)reason).ToString() + " " + ((int)code).ToString();

    public void OnConnected(bool sessionPresent) => AddEvent(Connected(sessionPresent));

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) => AddEvent(Disconnected(reason, returnCode));

    public void OnMessage(MqttMessage m)
    {
        ReceivedChunk c = new ReceivedChunk();
        c.Topic = Ascii.Text(m.Buffer, m.TopicOffset, m.TopicLength);
        c.Payload = new byte[m.PayloadCount];
        Array.Copy(m.Buffer, m.PayloadOffset, c.Payload, 0, m.PayloadCount);
        c.Position = m.PayloadPosition;
        c.Total = m.PayloadTotalLength;
        c.Qos = m.Qos;
        c.Retain = m.Retain;
        c.Dup = m.Dup;
        c.SubscriptionIndex = m.SubscriptionIndex;
        lock (gate)
        {
            if (chunkCount == chunks.Length)
            {
                ReceivedChunk[] larger = new ReceivedChunk[chunks.Length * 2];
                Array.Copy(chunks, larger, chunkCount);
                chunks = larger;
            }
            chunks[chunkCount++] = c;
            if (m.PayloadPosition + m.PayloadCount == m.PayloadTotalLength) messageCount++;
        }
        changed.Set();
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        lock (gate)
        {
            if (2 * subscribeCount == subscribeResults.Length)
            {
                int[] larger = new int[subscribeResults.Length * 2];
                Array.Copy(subscribeResults, larger, subscribeResults.Length);
                subscribeResults = larger;
            }
            subscribeResults[2 * subscribeCount] = subscriptionIndex;
            subscribeResults[2 * subscribeCount + 1] = returnCode;
            subscribeCount++;
        }
        changed.Set();
    }

    public void OnUnsubscribed(int subscriptionIndex) => AddEvent(Unsubscribed(subscriptionIndex));

    public static string Unsubscribed(int subscriptionIndex) => "unsub " + subscriptionIndex.ToString();

    int[] completions = new int[8]; // id, outcome, id, outcome...
    int completionCount;

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
    {
        lock (gate)
        {
            if (2 * completionCount == completions.Length)
            {
                int[] larger = new int[completions.Length * 2];
                Array.Copy(completions, larger, completions.Length);
                completions = larger;
            }
            completions[2 * completionCount] = messageId;
            completions[2 * completionCount + 1] = (int)outcome;
            completionCount++;
        }
        changed.Set();
    }

    public int CompletionCount { get { lock (gate) return completionCount; } }

    /// <summary>"id:outcome" of the <paramref name="n"/>th completion reported (outcome as a number).</summary>
    public string Completion(int n)
    {
        lock (gate) return n < completionCount ? completions[2 * n].ToString() + ":" + completions[2 * n + 1].ToString() : "(none)";
    }

    void AddEvent(string e)
    {
        lock (gate)
        {
            if (eventCount == events.Length)
            {
                string[] larger = new string[events.Length * 2];
                Array.Copy(events, larger, eventCount);
                events = larger;
            }
            events[eventCount++] = e;
        }
        changed.Set();
    }

    public int EventCount { get { lock (gate) return eventCount; } }

    public string Event(int index) { lock (gate) return index < eventCount ? events[index] : "(none)"; }

    public string LastEvent { get { lock (gate) return eventCount > 0 ? events[eventCount - 1] : "(none)"; } }

    public int ChunkCount { get { lock (gate) return chunkCount; } }

    public ReceivedChunk Chunk(int index)
    {
        lock (gate)
        {
            Assert.IsTrue(index < chunkCount, "chunk " + index.ToString() + " of " + chunkCount.ToString());
            return chunks[index];
        }
    }

    /// <summary>Messages delivered whole (the last chunk of a large one counts).</summary>
    public int MessageCount { get { lock (gate) return messageCount; } }

    public int SubscribeResultCount { get { lock (gate) return subscribeCount; } }

    /// <summary>"index:code" of the <paramref name="n"/>th SUBACK code reported.</summary>
    public string SubscribeResult(int n)
    {
        lock (gate) return n < subscribeCount ? subscribeResults[2 * n].ToString() + ":" + subscribeResults[2 * n + 1].ToString() : "(none)";
    }

    /// <summary>The events, exactly these, in order.</summary>
    public void AssertEvents(string[] expected)
    {
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], Event(i), "event " + i.ToString());
        Assert.AreEqual(expected.Length, EventCount, "events");
    }

    /// <summary>Waits until at least <paramref name="events"/> events and <paramref name="messages"/> whole messages are recorded.</summary>
    public bool WaitFor(int events, int messages, int timeoutMs) => WaitFor(events, messages, 0, timeoutMs);

    /// <summary>Waits until at least <paramref name="count"/> SUBACK codes are reported.</summary>
    public bool WaitForSubscribeResults(int count, int timeoutMs) => WaitFor(0, 0, count, timeoutMs);

    bool WaitFor(int events, int messages, int subscribeResults, int timeoutMs)
    {
        long deadline = DateTime.UtcNow.Ticks + timeoutMs * TimeSpan.TicksPerMillisecond;
        while (true)
        {
            lock (gate)
            {
                if (eventCount >= events && messageCount >= messages && subscribeCount >= subscribeResults) return true;
            }
            long left = (deadline - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
            if (left <= 0) return false;
            changed.WaitOne(left > 100 ? 100 : (int)left, false);
        }
    }
}
