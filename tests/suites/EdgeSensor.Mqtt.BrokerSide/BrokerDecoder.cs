using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.BrokerSide;

/// <summary>
/// Strict decoding of every packet, as a broker needs it: what a client receives goes through the client's own
/// <see cref="MqttDecoder"/>, and what only a server receives (CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ,
/// DISCONNECT) is decoded here. Every rule is named by the error it returns; nothing is copied or allocated.
/// </summary>
public static class BrokerDecoder
{
    /// <summary>Decodes the one complete packet in <paramref name="buffer"/>[offset .. offset+count), fixed header included.</summary>
    public static MqttError Decode(byte[] buffer, int offset, int count, BrokerPacket packet)
    {
        packet.HasWill = packet.HasUserName = packet.HasPassword = false;
        MqttError error = MqttDecoder.Decode(buffer, offset, count, packet);
        if (error != MqttError.UnexpectedPacket) return error;

        // The client's decoder checked the framing and the first byte: only the body is left.
        int headerLength = MqttDecoder.TryReadFixedHeader(buffer, offset, count, out _, out int remaining);
        int start = offset + headerLength;
        int end = start + remaining;
        switch (packet.Type)
        {
            case MqttPacketType.Connect: return DecodeConnect(buffer, start, end, packet);
            case MqttPacketType.Subscribe: return DecodeFilterList(buffer, start, end, packet, true);
            case MqttPacketType.Unsubscribe: return DecodeFilterList(buffer, start, end, packet, false);
            default: return remaining == 0 ? MqttError.None : MqttError.PacketTooLong; // PINGREQ, DISCONNECT
        }
    }

    static MqttError DecodeConnect(byte[] b, int start, int end, BrokerPacket p)
    {
        int position = start;
        MqttError error = ReadString(b, ref position, end, out int nameOffset, out int nameLength);
        if (error != MqttError.None) return error;
        if (end - position < 4) return MqttError.PacketTooShort;
        if (!IsProtocolName(b, nameOffset, nameLength)) return MqttError.UnknownProtocol; // [MQTT-3.1.2-1]
        p.ProtocolLevel = b[position];
        if (p.ProtocolLevel != 4) return MqttError.UnknownProtocol;                      // [MQTT-3.1.2-2]
        int flags = b[position + 1];
        p.KeepAliveSeconds = BigEndian.ReadUInt16(b, position + 2);
        position += 4;

        if ((flags & 0x01) != 0) return MqttError.ReservedConnectFlag; // [MQTT-3.1.2-3]
        p.CleanSession = (flags & 0x02) != 0;
        p.HasWill = (flags & 0x04) != 0;
        int willQos = (flags >> 3) & 3;
        p.WillRetain = (flags & 0x20) != 0;
        p.HasPassword = (flags & 0x40) != 0;
        p.HasUserName = (flags & 0x80) != 0;
        if (willQos == 3) return MqttError.InvalidQos;                                              // [MQTT-3.1.2-14]
        if (!p.HasWill && (willQos != 0 || p.WillRetain)) return MqttError.InvalidConnectFlags;    // [MQTT-3.1.2-13] [MQTT-3.1.2-15]
        if (p.HasPassword && !p.HasUserName) return MqttError.InvalidConnectFlags;                // [MQTT-3.1.2-22]
        p.WillQos = (MqttQos)willQos;

        error = ReadString(b, ref position, end, out p.ClientIdOffset, out p.ClientIdLength);
        if (error == MqttError.None) error = MqttUtf8.Validate(b, p.ClientIdOffset, p.ClientIdLength); // [MQTT-3.1.3-4]
        if (error == MqttError.None && p.HasWill)
        {
            error = ReadString(b, ref position, end, out p.WillTopicOffset, out p.WillTopicLength);
            if (error == MqttError.None) error = MqttTopic.ValidateName(b, p.WillTopicOffset, p.WillTopicLength);
            if (error == MqttError.None) error = ReadString(b, ref position, end, out p.WillPayloadOffset, out p.WillPayloadLength);
        }
        if (error == MqttError.None && p.HasUserName)
        {
            error = ReadString(b, ref position, end, out p.UserNameOffset, out p.UserNameLength);
            if (error == MqttError.None) error = MqttUtf8.Validate(b, p.UserNameOffset, p.UserNameLength); // [MQTT-3.1.3-11]
        }
        if (error == MqttError.None && p.HasPassword)
        {
            error = ReadString(b, ref position, end, out p.PasswordOffset, out p.PasswordLength);
        }
        if (error != MqttError.None) return error;
        return position == end ? MqttError.None : MqttError.PacketTooLong;
    }

    /// <summary>SUBSCRIBE and UNSUBSCRIBE: a packet identifier, then one or more filters (each with a QoS byte in SUBSCRIBE).</summary>
    static MqttError DecodeFilterList(byte[] b, int start, int end, MqttPacket p, bool withQos)
    {
        if (end - start < 2) return MqttError.PacketTooShort;
        p.PacketId = BigEndian.ReadUInt16(b, start);
        if (p.PacketId == 0) return MqttError.ZeroPacketId; // [MQTT-2.3.1-1]
        int position = start + 2;
        if (position == end) return MqttError.EmptySubscription; // [MQTT-3.8.3-3] [MQTT-3.10.3-2]
        while (position < end)
        {
            MqttError error = ReadString(b, ref position, end, out int filterOffset, out int filterLength);
            if (error != MqttError.None) return error;
            error = MqttTopic.ValidateFilter(b, filterOffset, filterLength);
            if (error != MqttError.None) return error;
            if (!withQos) continue;
            if (position >= end) return MqttError.PacketTooShort;
            int requested = b[position++];
            if ((requested & 0xFC) != 0) return MqttError.ReservedFlags; // [MQTT-3.8.3-4]
            if (requested == 3) return MqttError.InvalidQos;              // [MQTT-3.8.3-4]
        }
        p.PayloadOffset = start + 2;
        p.PayloadLength = end - start - 2;
        return MqttError.None;
    }

    static bool IsProtocolName(byte[] b, int offset, int length)
    {
        return length == 4 && b[offset] == (byte)'M' && b[offset + 1] == (byte)'Q'
            && b[offset + 2] == (byte)'T' && b[offset + 3] == (byte)'T';
    }

    /// <summary>Reads a two-byte length and the bytes it announces; the caller validates them as UTF-8 where the field is a string.</summary>
    static MqttError ReadString(byte[] b, ref int position, int end, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        if (end - position < 2) return MqttError.PacketTooShort;
        length = BigEndian.ReadUInt16(b, position);
        if (end - position - 2 < length) return MqttError.PacketTooShort;
        offset = position + 2;
        position = offset + length;
        return MqttError.None;
    }
}
