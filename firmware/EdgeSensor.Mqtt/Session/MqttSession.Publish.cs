using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session;

/// <summary>Publishing: a QoS 0 PUBLISH is encoded into the send buffer, a QoS 1/2 one into the outbox, where it is numbered.</summary>
public sealed partial class MqttSession
{
    public MqttPublishResult Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        => Publish(topic, payload, offset, count, qos, retain, out _);

    /// <summary>
    /// As Publish, and numbers an accepted QoS 1/2 message (1 to 65535, then 1 again) for OnPublishCompleted and
    /// <see cref="IsPending"/>; <paramref name="messageId"/> is 0 for QoS 0 and when refused.
    /// </summary>
    public MqttPublishResult Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain, out int messageId)
    {
        messageId = 0;
        int topicLength = TopicNameLength(topic);
        if (topicLength < 0) return MqttPublishResult.InvalidTopic;
        int size = MqttEncoder.PublishSize(topicLength, qos, count);
        int at = Reserve(size, qos, out byte[] into, out MqttPublishResult refusal, out messageId);
        if (at < 0) return refusal;
        MqttEncoder.Publish(into, at, topic, 0, qos, retain, false, payload, offset, count);
        return Accept(size, qos);
    }

    public MqttPublishResult Publish(byte[] topic, int topicOffset, int topicLength, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        => Publish(topic, topicOffset, topicLength, payload, offset, count, qos, retain, out _);

    public MqttPublishResult Publish(byte[] topic, int topicOffset, int topicLength, byte[] payload, int offset, int count, MqttQos qos, bool retain, out int messageId)
    {
        messageId = 0;
        if (MqttTopic.ValidateName(topic, topicOffset, topicLength) != MqttError.None) return MqttPublishResult.InvalidTopic;
        int size = MqttEncoder.PublishSize(topicLength, qos, count);
        int at = Reserve(size, qos, out byte[] into, out MqttPublishResult refusal, out messageId);
        if (at < 0) return refusal;
        MqttEncoder.Publish(into, at, topic, topicOffset, topicLength, 0, qos, retain, false, payload, offset, count);
        return Accept(size, qos);
    }

    /// <summary>
    /// Publishes <paramref name="length"/> bytes that <paramref name="payload"/> produces as they are sent, for a message
    /// larger than the send buffer or the outbox, which holds only its header. QoS 1 or 2, one such message at a time:
    /// the source is held until OnPublishCompleted reports the message (OutboxFull while another holds one), and a
    /// reconnect before that reads it again from the start.
    /// </summary>
    public MqttPublishResult Publish(string topic, IMqttPayloadSource payload, int length, MqttQos qos, bool retain, out int messageId)
    {
        messageId = 0;
        if (qos == MqttQos.AtMostOnce || qos > MqttQos.ExactlyOnce) return MqttPublishResult.InvalidQos;
        int topicLength = TopicNameLength(topic);
        if (topicLength < 0) return MqttPublishResult.InvalidTopic;
        int headerSize = MqttEncoder.PublishSize(topicLength, qos, length) - length;
        if (length < 0 || headerSize < 0 || headerSize > output.Bytes.Length || headerSize + 8 > outbox.Capacity) return MqttPublishResult.TooLarge;
        int at = sender.Reserve(headerSize, payload, length, out messageId);
        if (at < 0) return MqttPublishResult.OutboxFull;
        MqttEncoder.PublishHeader(outbox.Storage, at, topic, qos, retain, length);
        TransmitOutbox();
        return MqttPublishResult.Accepted;
    }

    /// <summary>The UTF-8 length of a valid topic name [MQTT-3.3.2-2], or -1.</summary>
    static int TopicNameLength(string topic)
    {
        int length = MqttUtf8.ByteCount(topic);
        return length <= 0 || topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0 || length > 65535 ? -1 : length;
    }

    /// <summary>Where a PUBLISH of <paramref name="size"/> bytes goes: the send buffer for QoS 0, the outbox otherwise.</summary>
    int Reserve(int size, MqttQos qos, out byte[] into, out MqttPublishResult refusal, out int messageId)
    {
        messageId = 0;
        into = qos == MqttQos.AtMostOnce ? output.Bytes : outbox.Storage;
        refusal = MqttPublishResult.Accepted;
        if (qos > MqttQos.ExactlyOnce) refusal = MqttPublishResult.InvalidQos;
        else if (size < 0 || size > output.Bytes.Length || size + 8 > outbox.Capacity) refusal = MqttPublishResult.TooLarge;
        else if (qos == MqttQos.AtMostOnce && state != MqttSessionState.Connected) refusal = MqttPublishResult.NotConnected;
        if (refusal != MqttPublishResult.Accepted) return -1;
        int at = qos == MqttQos.AtMostOnce ? output.MakeRoom(size) : sender.Reserve(size, out messageId);
        if (at < 0) refusal = qos == MqttQos.AtMostOnce ? MqttPublishResult.SendBufferFull : MqttPublishResult.OutboxFull;
        return at;
    }

    MqttPublishResult Accept(int size, MqttQos qos)
    {
        if (qos == MqttQos.AtMostOnce) output.Commit(size);
        else TransmitOutbox();
        return MqttPublishResult.Accepted;
    }
}
