using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Fuzzer;

/// <summary>
/// The application side of a fuzzed session: it keeps nothing, but checks that every message the session
/// delivers is a sane view (topic valid and inside the buffer, chunks in order) and that the session
/// reports the same reason to its handler as in <see cref="MqttSession.LastError"/>.
/// </summary>
sealed class CheckingHandler : IMqttSessionHandler
{
    int nextChunkPosition;

    public MqttError LastReason;
    public long Messages;

    public void Reset()
    {
        nextChunkPosition = 0;
        LastReason = MqttError.None;
    }

    public void OnConnected(bool sessionPresent) { }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) => LastReason = reason;

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        if (returnCode != 0 && returnCode != 1 && returnCode != 2 && returnCode != MqttSubscribeResult.Failure)
            throw new FuzzViolation("subscription " + subscriptionIndex + " reported code " + returnCode);
    }

    public void OnUnsubscribed(int subscriptionIndex) { }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

    public void OnMessage(MqttMessage m)
    {
        Messages++;
        int size = m.Buffer.Length;
        if (m.TopicLength <= 0 || m.TopicOffset < 0 || m.TopicOffset + m.TopicLength > size)
            throw new FuzzViolation("message topic at " + m.TopicOffset + "+" + m.TopicLength + " is not inside the buffer");
        if (m.PayloadTotalLength == -1)
        {
            // A topic too long for the buffer: a notice with the topic's first bytes (unchecked) and no payload.
            if (m.PayloadCount != 0 || m.PayloadPosition != 0 || m.TopicOffset + m.TopicLength != size)
                throw new FuzzViolation("a long-topic notice is not the buffer's tail with no payload");
            nextChunkPosition = 0;
            return;
        }
        if (MqttTopic.ValidateName(m.Buffer, m.TopicOffset, m.TopicLength) != MqttError.None)
            throw new FuzzViolation("a message with an invalid topic name was delivered");
        if (m.PayloadCount < 0 || m.PayloadOffset < 0 || m.PayloadOffset + m.PayloadCount > size)
            throw new FuzzViolation("payload chunk at " + m.PayloadOffset + "+" + m.PayloadCount + " is not inside the buffer");
        if (m.PayloadPosition + m.PayloadCount > m.PayloadTotalLength)
            throw new FuzzViolation("chunk " + m.PayloadPosition + "+" + m.PayloadCount + " overruns the payload's " + m.PayloadTotalLength);
        if (!m.IsFirstChunk && m.PayloadPosition != nextChunkPosition)
            throw new FuzzViolation("chunk at " + m.PayloadPosition + " where " + nextChunkPosition + " was next");
        nextChunkPosition = m.IsLastChunk ? 0 : m.PayloadPosition + m.PayloadCount;
    }
}
