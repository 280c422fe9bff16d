using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>
/// Records what a client reports (on its I/O thread) and lets the test thread wait for a condition on it.
/// Waits end on a change being recorded, never on a timer; the deadline is only there to fail a stuck test.
/// </summary>
sealed class RecordingHandler : IMqttSessionHandler
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    readonly object gate = new object();
    readonly List<ReceivedMessage> messages = new List<ReceivedMessage>();
    readonly List<(MqttError Reason, MqttConnectReturnCode ReturnCode)> disconnections = new List<(MqttError, MqttConnectReturnCode)>();
    readonly Dictionary<int, int> subscribeResults = new Dictionary<int, int>();
    readonly List<int> unsubscribed = new List<int>();
    readonly List<bool> sessionPresentFlags = new List<bool>();
    readonly MemoryStream chunks = new MemoryStream();

    public int Connections { get { lock (gate) { return sessionPresentFlags.Count; } } }

    public bool LastSessionPresent { get { lock (gate) { return sessionPresentFlags[^1]; } } }

    public List<ReceivedMessage> Messages { get { lock (gate) { return messages.ToList(); } } }

    public List<(MqttError Reason, MqttConnectReturnCode ReturnCode)> Disconnections { get { lock (gate) { return disconnections.ToList(); } } }

    public void OnConnected(bool sessionPresent)
    {
        Record(() => sessionPresentFlags.Add(sessionPresent));
    }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        Record(() => disconnections.Add((reason, returnCode)));
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        Record(() => subscribeResults[subscriptionIndex] = returnCode);
    }

    public void OnUnsubscribed(int subscriptionIndex)
    {
        Record(() => unsubscribed.Add(subscriptionIndex));
    }

    readonly List<(int Id, MqttPublishOutcome Outcome)> completions = new List<(int, MqttPublishOutcome)>();

    public List<(int Id, MqttPublishOutcome Outcome)> Completions { get { lock (gate) { return completions.ToList(); } } }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
    {
        Record(() => completions.Add((messageId, outcome)));
    }

    public void OnMessage(MqttMessage message)
    {
        // Chunks of a payload larger than the receive buffer are joined, so that tests see whole messages.
        chunks.Write(message.Buffer, message.PayloadOffset, message.PayloadCount);
        if (!message.IsLastChunk)
        {
            return;
        }

        string topic = Encoding.UTF8.GetString(message.Buffer, message.TopicOffset, message.TopicLength);
        var received = new ReceivedMessage(topic, chunks.ToArray(), message.Qos, message.Retain, message.Dup, message.SubscriptionIndex);
        chunks.SetLength(0);
        Record(() => messages.Add(received));
    }

    public int WaitForSubscribeResult(int subscriptionIndex)
    {
        int result = 0;
        WaitUntil(() => subscribeResults.TryGetValue(subscriptionIndex, out result), "the SUBACK for subscription " + subscriptionIndex);
        return result;
    }

    public void WaitForUnsubscribed(int subscriptionIndex)
    {
        WaitUntil(() => unsubscribed.Contains(subscriptionIndex), "the UNSUBACK for subscription " + subscriptionIndex);
    }

    /// <summary>Waits for <paramref name="count"/> messages on <paramref name="topic"/> and returns them, in arrival order.</summary>
    public List<ReceivedMessage> WaitForMessages(string topic, int count)
    {
        WaitUntil(() => messages.Count(m => m.Topic == topic) >= count, count + " message(s) on " + topic);
        lock (gate)
        {
            return messages.Where(m => m.Topic == topic).ToList();
        }
    }

    public ReceivedMessage WaitForMessage(string topic)
    {
        return WaitForMessages(topic, 1)[0];
    }

    public (MqttError Reason, MqttConnectReturnCode ReturnCode) WaitForDisconnection()
    {
        WaitUntil(() => disconnections.Count > 0, "a disconnection");
        lock (gate)
        {
            return disconnections[0];
        }
    }

    /// <summary>Waits until <paramref name="condition"/> (evaluated under the recording lock) holds; fails the test after <see cref="Deadline"/>.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        if (!TryWaitUntil(condition))
        {
            throw new TimeoutException("Waited " + Deadline.TotalSeconds + " s for " + what + "; received " + Messages.Count
                + " message(s), disconnections: " + string.Join(", ", Disconnections) + ".");
        }
    }

    /// <summary>As <see cref="WaitUntil"/>, returning false at the deadline so that the test can say more about what is missing.</summary>
    public bool TryWaitUntil(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        lock (gate)
        {
            while (!condition())
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(gate, left);
            }

            return true;
        }
    }

    void Record(Action change)
    {
        lock (gate)
        {
            change();
            Monitor.PulseAll(gate);
        }
    }
}
