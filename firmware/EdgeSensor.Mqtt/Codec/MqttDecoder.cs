namespace EdgeSensor.Mqtt.Codec;

/// <summary>
/// Strict decoding of the packets a client receives, complete in a caller's buffer. Every rule it enforces
/// is named by the error it returns; nothing is copied or allocated.
/// </summary>
public static class MqttDecoder
{
    /// <summary>
    /// Reads the fixed header from the <paramref name="count"/> bytes at <paramref name="offset"/>.
    /// Returns its length (2 to 5); 0 when more bytes are needed; -1 when the remaining length is malformed.
    /// </summary>
    public static int TryReadFixedHeader(byte[] buffer, int offset, int count, out int firstByte, out int remainingLength)
    {
        remainingLength = 0;
        firstByte = count > 0 ? buffer[offset] : 0;
        if (count < 2) return 0;
        int used = RemainingLength.TryRead(buffer, offset + 1, count - 1, out remainingLength);
        return used <= 0 ? used : used + 1;
    }

    /// <summary>Checks the type and the four flag bits of a fixed header's first byte [MQTT-2.2.2-1] [MQTT-2.2.2-2].</summary>
    public static MqttError CheckFirstByte(int firstByte)
    {
        int type = firstByte >> 4;
        int flags = firstByte & 0x0F;
        if (type < 1 || type > 14) return MqttError.UnknownPacketType;
        if (type == (int)MqttPacketType.Publish)
        {
            int qos = (flags >> 1) & 3;
            if (qos == 3) return MqttError.InvalidQos;                 // [MQTT-3.3.1-4]
            if (qos == 0 && (flags & 0x08) != 0) return MqttError.DupOnQos0; // [MQTT-3.3.1-2]
            return MqttError.None;
        }
        bool needsTwo = type == (int)MqttPacketType.Pubrel
            || type == (int)MqttPacketType.Subscribe
            || type == (int)MqttPacketType.Unsubscribe;
        return flags == (needsTwo ? 2 : 0) ? MqttError.None : MqttError.ReservedFlags;
    }

    /// <summary>
    /// Decodes the one complete packet in <paramref name="buffer"/>[offset .. offset+count): fixed header
    /// included, count equal to the header's length plus its remaining length. A well-framed packet that only a
    /// server receives is <see cref="MqttError.UnexpectedPacket"/>, its <see cref="MqttPacket.Type"/> set.
    /// </summary>
    public static MqttError Decode(byte[] buffer, int offset, int count, MqttPacket packet)
    {
        int headerLength = TryReadFixedHeader(buffer, offset, count, out int firstByte, out int remaining);
        if (headerLength < 0) return MqttError.MalformedRemainingLength;
        if (headerLength == 0 || headerLength + remaining > count) return MqttError.PacketTooShort;
        if (headerLength + remaining < count) return MqttError.PacketTooLong;
        MqttError error = CheckFirstByte(firstByte);
        if (error != MqttError.None) return error;

        packet.Reset(buffer, (MqttPacketType)(firstByte >> 4), firstByte & 0x0F);
        int start = offset + headerLength;
        int end = start + remaining;
        switch (packet.Type)
        {
            case MqttPacketType.Connack: return DecodeConnack(buffer, start, end, packet);
            case MqttPacketType.Publish: return DecodePublish(buffer, start, end, packet);
            case MqttPacketType.Suback: return DecodeSuback(buffer, start, end, packet);
            case MqttPacketType.Pingresp: return remaining == 0 ? MqttError.None : MqttError.PacketTooLong;
            case MqttPacketType.Puback:
            case MqttPacketType.Pubrec:
            case MqttPacketType.Pubrel:
            case MqttPacketType.Pubcomp:
            case MqttPacketType.Unsuback:
                return DecodeAck(buffer, start, end, packet);
            default:
                // CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ and DISCONNECT only ever travel to a server: a client
                // refuses them whatever their body, so it carries no code to read one.
                return MqttError.UnexpectedPacket;
        }
    }

    /// <summary>
    /// Decodes a PUBLISH variable header (topic, packet identifier) from the <paramref name="available"/>
    /// bytes at <paramref name="offset"/>, so that a payload larger than the buffer can be streamed behind it.
    /// <paramref name="headerLength"/> is 0 when more bytes are needed.
    /// </summary>
    public static MqttError DecodePublishHeader(byte[] buffer, int offset, int available, int flags, int remainingLength,
        MqttPacket packet, out int headerLength)
    {
        headerLength = 0;
        packet.Reset(buffer, MqttPacketType.Publish, flags);
        packet.Qos = (MqttQos)((flags >> 1) & 3);
        packet.Retain = (flags & 1) != 0;
        packet.Dup = (flags & 8) != 0;
        int needed = packet.Qos == MqttQos.AtMostOnce ? 2 : 4;
        if (remainingLength < 2) return MqttError.PacketTooShort;
        if (available < 2) return MqttError.None;
        int topicLength = BigEndian.ReadUInt16(buffer, offset);
        needed += topicLength;
        if (needed > remainingLength) return MqttError.PacketTooShort;
        if (available < needed) return MqttError.None;

        MqttError error = MqttTopic.ValidateName(buffer, offset + 2, topicLength); // [MQTT-3.3.2-1] [MQTT-3.3.2-2]
        if (error != MqttError.None) return error;
        packet.TopicOffset = offset + 2;
        packet.TopicLength = topicLength;
        if (packet.Qos != MqttQos.AtMostOnce)
        {
            packet.PacketId = BigEndian.ReadUInt16(buffer, offset + 2 + topicLength);
            if (packet.PacketId == 0) return MqttError.ZeroPacketId; // [MQTT-2.3.1-1]
        }
        headerLength = needed;
        return MqttError.None;
    }

    static MqttError DecodePublish(byte[] b, int start, int end, MqttPacket p)
    {
        MqttError error = DecodePublishHeader(b, start, end - start, p.Flags, end - start, p, out int headerLength);
        if (error != MqttError.None) return error;
        p.PayloadOffset = start + headerLength;
        p.PayloadLength = end - p.PayloadOffset;
        return MqttError.None;
    }

    static MqttError DecodeAck(byte[] b, int start, int end, MqttPacket p)
    {
        if (end - start < 2) return MqttError.PacketTooShort;
        if (end - start > 2) return MqttError.PacketTooLong;
        p.PacketId = BigEndian.ReadUInt16(b, start);
        return p.PacketId == 0 ? MqttError.ZeroPacketId : MqttError.None; // [MQTT-2.3.1-1]
    }

    static MqttError DecodeConnack(byte[] b, int start, int end, MqttPacket p)
    {
        if (end - start < 2) return MqttError.PacketTooShort;
        if (end - start > 2) return MqttError.PacketTooLong;
        if ((b[start] & 0xFE) != 0) return MqttError.ReservedFlags; // 3.2.2.1: bits 7-1 reserved
        if (b[start + 1] > (int)MqttConnectReturnCode.NotAuthorized) return MqttError.UnknownConnackCode;
        p.SessionPresent = (b[start] & 1) != 0;
        p.ReturnCode = (MqttConnectReturnCode)b[start + 1];
        return MqttError.None;
    }

    static MqttError DecodeSuback(byte[] b, int start, int end, MqttPacket p)
    {
        MqttError error = DecodeAck(b, start, start + 2 <= end ? start + 2 : end, p);
        if (error != MqttError.None) return error;
        if (end - start < 3) return MqttError.EmptySubscription;
        for (int i = start + 2; i < end; i++)
        {
            int code = b[i];
            if (code > 2 && code != MqttSubscribeResult.Failure) return MqttError.UnknownSubackCode; // [MQTT-3.9.3-2]
        }
        p.PayloadOffset = start + 2;
        p.PayloadLength = end - start - 2;
        return MqttError.None;
    }
}
