using System;

namespace EdgeSensor.Mqtt.Codec;

/// <summary>
/// Each packet a client sends, encoded in one short function, written at an offset of a caller's buffer.
/// Every function returns the bytes written, or -1 when the packet does not fit before the buffer's end.
/// Arguments are assumed valid: the session validates topics and options before it encodes.
/// </summary>
public static class MqttEncoder
{
    public static int Connect(byte[] b, int offset, MqttConnectOptions o)
    {
        bool hasWill = o.WillTopic != null;
        int remaining = 10 + 2 + MqttUtf8.ByteCount(o.ClientId);
        if (hasWill) remaining += 2 + MqttUtf8.ByteCount(o.WillTopic) + 2 + LengthOf(o.WillPayload);
        if (o.UserName != null) remaining += 2 + MqttUtf8.ByteCount(o.UserName);
        if (o.Password != null) remaining += 2 + o.Password.Length;
        int p = FixedHeader(b, offset, (int)MqttPacketType.Connect << 4, remaining, 0);
        if (p < 0) return -1;

        int flags = o.CleanSession ? 0x02 : 0;
        if (hasWill) flags |= 0x04 | ((int)o.WillQos << 3) | (o.WillRetain ? 0x20 : 0);
        if (o.Password != null) flags |= 0x40;
        if (o.UserName != null) flags |= 0x80;
        BigEndian.WriteUInt16(b, p, 4);
        b[p + 2] = (byte)'M';
        b[p + 3] = (byte)'Q';
        b[p + 4] = (byte)'T';
        b[p + 5] = (byte)'T';
        b[p + 6] = 4; // protocol level 3.1.1 [MQTT-3.1.2-2]
        b[p + 7] = (byte)flags;
        BigEndian.WriteUInt16(b, p + 8, o.KeepAliveSeconds);
        p = String(b, p + 10, o.ClientId);
        if (hasWill)
        {
            p = String(b, p, o.WillTopic);
            p = Binary(b, p, o.WillPayload);
        }
        if (o.UserName != null) p = String(b, p, o.UserName);
        if (o.Password != null) p = Binary(b, p, o.Password);
        return p - offset;
    }

    public static int Publish(byte[] b, int offset, string topic, int packetId, MqttQos qos, bool retain, bool dup,
        byte[] payload, int payloadOffset, int payloadCount)
    {
        int topicLength = MqttUtf8.ByteCount(topic);
        int p = PublishStart(b, offset, topicLength, qos, retain, dup, payloadCount, 0);
        if (p < 0) return -1;
        MqttUtf8.Encode(topic, b, p);
        return PublishEnd(b, offset, p + topicLength, packetId, qos, payload, payloadOffset, payloadCount);
    }

    public static int Publish(byte[] b, int offset, byte[] topic, int topicOffset, int topicLength, int packetId,
        MqttQos qos, bool retain, bool dup, byte[] payload, int payloadOffset, int payloadCount)
    {
        int p = PublishStart(b, offset, topicLength, qos, retain, dup, payloadCount, 0);
        if (p < 0) return -1;
        Array.Copy(topic, topicOffset, b, p, topicLength);
        return PublishEnd(b, offset, p + topicLength, packetId, qos, payload, payloadOffset, payloadCount);
    }

    /// <summary>
    /// A PUBLISH without its payload, for a payload of <paramref name="payloadCount"/> bytes written after it in pieces:
    /// the fixed header (which counts the payload), the topic and a packet identifier of 0, set when sent.
    /// </summary>
    public static int PublishHeader(byte[] b, int offset, string topic, MqttQos qos, bool retain, int payloadCount)
    {
        int topicLength = MqttUtf8.ByteCount(topic);
        int p = PublishStart(b, offset, topicLength, qos, retain, false, payloadCount, payloadCount);
        if (p < 0) return -1;
        MqttUtf8.Encode(topic, b, p);
        return PublishEnd(b, offset, p + topicLength, 0, qos, null, 0, 0);
    }

    /// <summary>The whole size of a PUBLISH, or -1 when its remaining length would exceed the protocol's maximum.</summary>
    public static int PublishSize(int topicLength, MqttQos qos, int payloadCount)
    {
        long remaining = 2L + topicLength + (qos == MqttQos.AtMostOnce ? 0 : 2) + payloadCount;
        if (remaining > RemainingLength.Max) return -1;
        return 1 + RemainingLength.SizeOf((int)remaining) + (int)remaining;
    }

    /// <summary>PUBACK, PUBREC, PUBREL, PUBCOMP (and UNSUBACK): a packet identifier and nothing else.</summary>
    public static int Ack(byte[] b, int offset, MqttPacketType type, int packetId)
    {
        if (offset + 4 > b.Length) return -1;
        b[offset] = (byte)(((int)type << 4) | (type == MqttPacketType.Pubrel ? 2 : 0)); // [MQTT-3.6.1-1]
        b[offset + 1] = 2;
        BigEndian.WriteUInt16(b, offset + 2, packetId);
        return 4;
    }

    /// <summary>PINGREQ and DISCONNECT (and PINGRESP): a fixed header alone.</summary>
    public static int Empty(byte[] b, int offset, MqttPacketType type)
    {
        if (offset + 2 > b.Length) return -1;
        b[offset] = (byte)((int)type << 4);
        b[offset + 1] = 0;
        return 2;
    }

    public static int Subscribe(byte[] b, int offset, int packetId, byte[][] filters, MqttQos[] qos, int first, int count)
    {
        int remaining = 2;
        for (int i = first; i < first + count; i++) remaining += 2 + filters[i].Length + 1;
        int p = FixedHeader(b, offset, ((int)MqttPacketType.Subscribe << 4) | 2, remaining, 0); // [MQTT-3.8.1-1]
        if (p < 0) return -1;
        BigEndian.WriteUInt16(b, p, packetId);
        p += 2;
        for (int i = first; i < first + count; i++)
        {
            p = Binary(b, p, filters[i]);
            b[p++] = (byte)qos[i];
        }
        return p - offset;
    }

    public static int Unsubscribe(byte[] b, int offset, int packetId, byte[][] filters, int first, int count)
    {
        int remaining = 2;
        for (int i = first; i < first + count; i++) remaining += 2 + filters[i].Length;
        int p = FixedHeader(b, offset, ((int)MqttPacketType.Unsubscribe << 4) | 2, remaining, 0); // [MQTT-3.10.1-1]
        if (p < 0) return -1;
        BigEndian.WriteUInt16(b, p, packetId);
        p += 2;
        for (int i = first; i < first + count; i++) p = Binary(b, p, filters[i]);
        return p - offset;
    }

    /// <summary>
    /// Writes the fixed header when the packet fits, but for its last <paramref name="writtenLater"/> bytes; returns where
    /// the variable header starts, or -1.
    /// </summary>
    static int FixedHeader(byte[] b, int offset, int firstByte, int remaining, int writtenLater)
    {
        if (remaining > RemainingLength.Max) return -1;
        if ((long)offset + 1 + RemainingLength.SizeOf(remaining) + remaining - writtenLater > b.Length) return -1;
        b[offset] = (byte)firstByte;
        return offset + 1 + RemainingLength.Write(b, offset + 1, remaining);
    }

    static int PublishStart(byte[] b, int offset, int topicLength, MqttQos qos, bool retain, bool dup, int payloadCount, int writtenLater)
    {
        int firstByte = ((int)MqttPacketType.Publish << 4) | (dup ? 8 : 0) | ((int)qos << 1) | (retain ? 1 : 0);
        int remaining = 2 + topicLength + (qos == MqttQos.AtMostOnce ? 0 : 2) + payloadCount;
        int p = FixedHeader(b, offset, firstByte, remaining, writtenLater);
        if (p < 0) return -1;
        BigEndian.WriteUInt16(b, p, topicLength);
        return p + 2;
    }

    static int PublishEnd(byte[] b, int offset, int p, int packetId, MqttQos qos, byte[] payload, int payloadOffset, int payloadCount)
    {
        if (qos != MqttQos.AtMostOnce)
        {
            BigEndian.WriteUInt16(b, p, packetId);
            p += 2;
        }
        if (payloadCount > 0) Array.Copy(payload, payloadOffset, b, p, payloadCount);
        return p + payloadCount - offset;
    }

    static int String(byte[] b, int p, string value)
    {
        int length = MqttUtf8.Encode(value, b, p + 2);
        BigEndian.WriteUInt16(b, p, length);
        return p + 2 + length;
    }

    static int Binary(byte[] b, int p, byte[] value)
    {
        int length = LengthOf(value);
        BigEndian.WriteUInt16(b, p, length);
        if (length > 0) Array.Copy(value, 0, b, p + 2, length);
        return p + 2 + length;
    }

    static int LengthOf(byte[] value) => value == null ? 0 : value.Length;
}
