using System;
using System.Collections.Generic;
using System.Text;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>Records what the session reports, copying views out of the callback (they are only valid inside it).</summary>
sealed class RecordingHandler : IMqttSessionHandler
{
    public readonly List<string> Events = new();
    public readonly List<ReceivedChunk> Chunks = new();
    public readonly List<(int Index, int Code)> SubscribeResults = new();
    public bool CopyMessages = true;
    public int MessageCount;

    public void OnConnected(bool sessionPresent) => Events.Add("connected sp=" + sessionPresent);

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) => Events.Add("disconnected " + reason + " " + returnCode);

    public void OnMessage(MqttMessage m)
    {
        MessageCount++;
        if (!CopyMessages) return;
        Chunks.Add(new ReceivedChunk(
            Encoding.UTF8.GetString(m.Buffer, m.TopicOffset, m.TopicLength),
            m.Buffer.AsSpan(m.PayloadOffset, m.PayloadCount).ToArray(),
            m.PayloadPosition, m.PayloadTotalLength, m.Qos, m.Retain, m.Dup, m.SubscriptionIndex));
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode) => SubscribeResults.Add((subscriptionIndex, returnCode));

    public void OnUnsubscribed(int subscriptionIndex) => Events.Add("unsubscribed " + subscriptionIndex);

    public readonly List<(int Id, MqttPublishOutcome Outcome)> Completions = new();

    public int CompletionCount;

    /// <summary>Counted always; listed only with CopyMessages, so that allocation tests can count without allocating.</summary>
    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
    {
        CompletionCount++;
        if (CopyMessages) Completions.Add((messageId, outcome));
    }
}

sealed record ReceivedChunk(string Topic, byte[] Payload, int Position, int Total, MqttQos Qos, bool Retain, bool Dup, int SubscriptionIndex);
