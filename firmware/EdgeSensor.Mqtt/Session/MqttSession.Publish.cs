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
        int topicLength = MqttUtf8.ByteCount(topic);
        if (topicLength <= 0 || topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0 || topicLength > 65535) return MqttPublishResult.InvalidTopic;
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

    /// <summary>Where a PUBLISH of <paramref name="size"/> bytes goes: the send buffer for QoS 0, the outbox otherwise.</summary>
    int Reserve(int size, MqttQos qos, out byte[] into, out MqttPublishResult refusal, out int messageId)
    {
        messageId = 0;
        into = qos == MqttQos.AtMostOnce ? output.Bytes : outbox.Storage;
        refusal = MqttPublishResult.Accepted;
        if (qos > MqttQos.ExactlyOnce) refusal = MqttPublishResult.InvalidTopic;
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
