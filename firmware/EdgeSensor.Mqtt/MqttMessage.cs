namespace EdgeSensor.Mqtt;

/// <summary>
/// A received application message, as a view into the session's receive buffer: valid only during
/// the callback that receives it (the instance and the buffer are reused). A payload larger than the
/// buffer arrives as several chunks of the same message, in order.
/// </summary>
public sealed class MqttMessage
{
    public byte[] Buffer;
    public int TopicOffset;
    public int TopicLength;

    /// <summary>This chunk of the payload.</summary>
    public int PayloadOffset;
    public int PayloadCount;

    /// <summary>Where this chunk starts within the whole payload.</summary>
    public int PayloadPosition;
    public int PayloadTotalLength;

    public MqttQos Qos;
    public bool Retain;
    public bool Dup;
    public int PacketId;

    /// <summary>The first subscription whose filter matches the topic, or -1: routing needs no string.</summary>
    public int SubscriptionIndex;

    public bool IsFirstChunk => PayloadPosition == 0;

    public bool IsLastChunk => PayloadPosition + PayloadCount == PayloadTotalLength;

    /// <summary>The topic as a new string. Allocates: for code that runs once, never per message (route by SubscriptionIndex or TopicEquals).</summary>
    public string TopicAsString() => MqttUtf8.Decode(Buffer, TopicOffset, TopicLength);

    /// <summary>
    /// This chunk's payload as UTF-8 text (the whole payload when IsFirstChunk and IsLastChunk), U+FFFD for bytes that are
    /// not. Allocates: for code that runs once, never per message.
    /// </summary>
    public string PayloadAsString() => MqttUtf8.Decode(Buffer, PayloadOffset, PayloadCount);

    /// <summary>True when the topic equals <paramref name="topic"/> byte for byte.</summary>
    public bool TopicEquals(byte[] topic)
    {
        if (topic.Length != TopicLength) return false;
        for (int i = 0; i < TopicLength; i++)
        {
            if (Buffer[TopicOffset + i] != topic[i]) return false;
        }
        return true;
    }
}
