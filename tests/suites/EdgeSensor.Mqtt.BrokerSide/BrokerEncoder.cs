using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.BrokerSide;

/// <summary>
/// The packets only a broker sends and the client's <see cref="MqttEncoder"/> does not cover. UNSUBACK and
/// PINGRESP are <see cref="MqttEncoder.Ack"/> and <see cref="MqttEncoder.Empty"/> with their type.
/// Each returns the bytes written, or -1 when the packet does not fit before the buffer's end.
/// </summary>
public static class BrokerEncoder
{
    public static int Connack(byte[] b, int offset, bool sessionPresent, MqttConnectReturnCode code)
    {
        int p = FixedHeader(b, offset, (int)MqttPacketType.Connack << 4, 2);
        if (p < 0) return -1;
        b[p] = (byte)(sessionPresent ? 1 : 0);
        b[p + 1] = (byte)code;
        return p + 2 - offset;
    }

    public static int Suback(byte[] b, int offset, int packetId, byte[] codes, int codesOffset, int count)
    {
        int p = FixedHeader(b, offset, (int)MqttPacketType.Suback << 4, 2 + count);
        if (p < 0) return -1;
        BigEndian.WriteUInt16(b, p, packetId);
        Array.Copy(codes, codesOffset, b, p + 2, count);
        return p + 2 + count - offset;
    }

    static int FixedHeader(byte[] b, int offset, int firstByte, int remaining)
    {
        if (remaining > RemainingLength.Max) return -1;
        if ((long)offset + 1 + RemainingLength.SizeOf(remaining) + remaining > b.Length) return -1;
        b[offset] = (byte)firstByte;
        return offset + 1 + RemainingLength.Write(b, offset + 1, remaining);
    }
}
