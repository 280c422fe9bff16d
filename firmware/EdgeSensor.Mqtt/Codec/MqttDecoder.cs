namespace EdgeSensor.Mqtt.Codec
{
    /// <summary>
    /// Strict decoding of complete packets held in a caller's buffer. Every rule it enforces
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
        /// included, count equal to the header's length plus its remaining length.
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
                case MqttPacketType.Connect: return DecodeConnect(buffer, start, end, packet);
                case MqttPacketType.Connack: return DecodeConnack(buffer, start, end, packet);
                case MqttPacketType.Publish: return DecodePublish(buffer, start, end, packet);
                case MqttPacketType.Subscribe: return DecodeSubscribe(buffer, start, end, packet);
                case MqttPacketType.Suback: return DecodeSuback(buffer, start, end, packet);
                case MqttPacketType.Unsubscribe: return DecodeUnsubscribe(buffer, start, end, packet);
                case MqttPacketType.Pingreq:
                case MqttPacketType.Pingresp:
                case MqttPacketType.Disconnect:
                    return remaining == 0 ? MqttError.None : MqttError.PacketTooLong;
                default:
                    return DecodeAck(buffer, start, end, packet);
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

        static MqttError DecodeSubscribe(byte[] b, int start, int end, MqttPacket p)
        {
            return DecodeFilterList(b, start, end, p, true);
        }

        static MqttError DecodeUnsubscribe(byte[] b, int start, int end, MqttPacket p)
        {
            return DecodeFilterList(b, start, end, p, false);
        }

        /// <summary>SUBSCRIBE and UNSUBSCRIBE: a packet identifier, then one or more filters (each with a QoS byte in SUBSCRIBE).</summary>
        static MqttError DecodeFilterList(byte[] b, int start, int end, MqttPacket p, bool withQos)
        {
            MqttError error = DecodeAck(b, start, start + 2 <= end ? start + 2 : end, p);
            if (error != MqttError.None) return error;
            int position = start + 2;
            if (position == end) return MqttError.EmptySubscription; // [MQTT-3.8.3-3] [MQTT-3.10.3-2]
            while (position < end)
            {
                error = ReadString(b, ref position, end, out int filterOffset, out int filterLength);
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

        static MqttError DecodeConnect(byte[] b, int start, int end, MqttPacket p)
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
}
