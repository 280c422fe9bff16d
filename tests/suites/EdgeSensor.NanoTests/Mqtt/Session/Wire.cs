using System;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>
/// A broker's packets written as bytes by hand, and the client's packets cut apart and compared byte for byte,
/// without the code under test: a test states the exact bytes on the wire.
/// </summary>
public static class Wire
{
    // First bytes of the packets a broker sends (MQTT 3.1.1 section 2.2).
    public const int Puback = 0x40;
    public const int Pubrec = 0x50;
    public const int Pubrel = 0x62; // [MQTT-3.6.1-1]
    public const int Pubcomp = 0x70;
    public const int Unsuback = 0xB0;

    // Packet types (the first byte's high nibble) of what the client sends.
    public const int Connect = 1;
    public const int Publish = 3;
    public const int Subscribe = 8;
    public const int Unsubscribe = 10;
    public const int Pingreq = 12;
    public const int Disconnect = 14;

    public static byte[] Connack(bool sessionPresent, int returnCode) => new byte[] { 0x20, 2, (byte)(sessionPresent ? 1 : 0), (byte)returnCode };

    public static byte[] Pingresp() => new byte[] { 0xD0, 0 };

    /// <summary>PINGREQ or DISCONNECT (type 12 or 14): a fixed header alone.</summary>
    public static byte[] Empty(int type) => new byte[] { (byte)(type << 4), 0 };

    /// <summary>A 4-byte acknowledgement: PUBACK, PUBREC, PUBREL, PUBCOMP or UNSUBACK with its packet identifier.</summary>
    public static byte[] Ack(int firstByte, int id) => new byte[] { (byte)firstByte, 2, (byte)(id >> 8), (byte)id };

    /// <summary>The header of a PUBLISH (fixed header, topic, packet identifier): its payload follows.</summary>
    public static byte[] PublishHeader(string topic, int payloadLength, int qos, int id, bool retain, bool dup)
    {
        int variable = 2 + topic.Length + (qos > 0 ? 2 : 0);
        byte[] length = RemainingLength(variable + payloadLength);
        byte[] header = new byte[1 + length.Length + variable];
        header[0] = (byte)(0x30 | (dup ? 8 : 0) | (qos << 1) | (retain ? 1 : 0));
        Array.Copy(length, 0, header, 1, length.Length);
        int at = 1 + length.Length;
        header[at] = (byte)(topic.Length >> 8);
        header[at + 1] = (byte)topic.Length;
        Array.Copy(Ascii.Bytes(topic), 0, header, at + 2, topic.Length);
        if (qos > 0)
        {
            header[at + 2 + topic.Length] = (byte)(id >> 8);
            header[at + 3 + topic.Length] = (byte)id;
        }
        return header;
    }

    public static byte[] PublishPacket(string topic, byte[] payload, int qos, int id, bool retain, bool dup)
        => Join(PublishHeader(topic, payload.Length, qos, id, retain, dup), payload);

    /// <summary>A SUBACK for <paramref name="id"/> with one return code per filter.</summary>
    public static byte[] Suback(int id, byte[] codes)
    {
        byte[] packet = new byte[4 + codes.Length];
        packet[0] = 0x90;
        packet[1] = (byte)(2 + codes.Length);
        packet[2] = (byte)(id >> 8);
        packet[3] = (byte)id;
        Array.Copy(codes, 0, packet, 4, codes.Length);
        return packet;
    }

    /// <summary>MQTT's variable-length integer (section 2.2.3), seven bits a byte, low bits first.</summary>
    public static byte[] RemainingLength(int value)
    {
        int n = value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 4;
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++)
        {
            bytes[i] = (byte)((value & 0x7F) | (i < n - 1 ? 0x80 : 0));
            value >>= 7;
        }
        return bytes;
    }

    public static byte[] Join(params byte[][] parts)
    {
        int length = 0;
        for (int i = 0; i < parts.Length; i++) length += parts[i].Length;
        byte[] joined = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            Array.Copy(parts[i], 0, joined, at, parts[i].Length);
            at += parts[i].Length;
        }
        return joined;
    }

    /// <summary>Bytes written as hex digits: a string costs the assembly's string table less than a constant array.</summary>
    public static byte[] Hex(string hex) => NanoTests.Hex.Bytes(hex);

    /// <summary>Cuts what the client wrote into whole packets; fails on a truncated one.</summary>
    public static byte[][] Split(byte[] bytes)
    {
        int count = 0;
        for (int at = 0; at < bytes.Length; at += PacketLength(bytes, at)) count++;
        byte[][] packets = new byte[count][];
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            int length = PacketLength(bytes, position);
            packets[i] = new byte[length];
            Array.Copy(bytes, position, packets[i], 0, length);
            position += length;
        }
        return packets;
    }

    static int PacketLength(byte[] bytes, int at)
    {
        int value = 0;
        int i = 0;
        while (true)
        {
            Assert.IsTrue(at + 1 + i < bytes.Length && i < 4, "header");
            int b = bytes[at + 1 + i];
            value |= (b & 0x7F) << (7 * i);
            i++;
            if ((b & 0x80) == 0) break;
        }
        int length = 1 + i + value;
        Assert.IsTrue(at + length <= bytes.Length, "truncated");
        return length;
    }

    /// <summary>The packet type of a whole packet: its first byte's high nibble.</summary>
    public static int Type(byte[] packet) => packet[0] >> 4;

    /// <summary>The offset of the variable header, after the fixed header.</summary>
    static int Body(byte[] packet)
    {
        int i = 1;
        while ((packet[i] & 0x80) != 0) i++;
        return i + 1;
    }

    /// <summary>The packet identifier of a PUBLISH with QoS 1 or 2, or of any other packet that carries one first.</summary>
    public static int Id(byte[] packet)
    {
        int at = Body(packet);
        if (Type(packet) == Publish) at += 2 + (packet[at] << 8 | packet[at + 1]);
        return packet[at] << 8 | packet[at + 1];
    }

    public static string Topic(byte[] publish)
    {
        int at = Body(publish);
        return Ascii.Text(publish, at + 2, publish[at] << 8 | publish[at + 1]);
    }

    public static bool Dup(byte[] publish) => (publish[0] & 0x08) != 0;

    /// <summary>The packets of <paramref name="packets"/> with this type.</summary>
    public static int Count(byte[][] packets, int type)
    {
        int n = 0;
        for (int i = 0; i < packets.Length; i++) if (Type(packets[i]) == type) n++;
        return n;
    }

    /// <summary>Exact bytes, shown as hex when they differ.</summary>
    public static void AreEqual(byte[] expected, byte[] actual, string message)
    {
        Assert.IsNotNull(actual, message);
        Assert.AreEqual(NanoTests.Hex.Text(expected), NanoTests.Hex.Text(actual), message);
    }

    public static void AreEqual(string expectedHex, byte[] actual, string message) => AreEqual(Hex(expectedHex), actual, message);
}
