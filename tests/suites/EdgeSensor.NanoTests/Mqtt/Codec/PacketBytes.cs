using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>
/// Packets built without the code under test, placed where a read out of range would show, and compared as hex.
/// </summary>
public static class PacketBytes
{
    /// <summary>Junk before a placed packet: an offset of zero would hide a decoder that ignores its offset.</summary>
    public const int Lead = 5;

    /// <summary>Where the encoder tests write: bytes before it must stay untouched.</summary>
    public const int At = 3;

    const byte Junk = 0xEE;

    /// <summary>Bytes written as hex pairs, spaces allowed: "3007 0003612F62".</summary>
    public static byte[] Hex(string hex) => Utf8Text.Hex(hex);

    /// <summary>Upper-case hex digits, two per byte, of count bytes at offset.</summary>
    public static string Text(byte[] bytes, int offset, int count)
    {
        const string Digits = "0123456789ABCDEF";
        char[] chars = new char[count * 2];
        for (int i = 0; i < count; i++)
        {
            int b = bytes[offset + i];
            chars[2 * i] = Digits[b >> 4];
            chars[2 * i + 1] = Digits[b & 0xF];
        }
        return new string(chars);
    }

    public static string Text(byte[] bytes) => Text(bytes, 0, bytes.Length);

    /// <summary>The packet at the very end of a new array, after <see cref="Lead"/> junk bytes: a read past its end throws.</summary>
    public static byte[] Placed(byte[] packet)
    {
        byte[] buffer = Filled(Lead + packet.Length, Junk);
        Array.Copy(packet, 0, buffer, Lead, packet.Length);
        return buffer;
    }

    public static MqttError Decode(byte[] packet, MqttPacket into)
    {
        return MqttDecoder.Decode(Placed(packet), Lead, packet.Length, into);
    }

    public static MqttError Decode(byte[] packet)
    {
        return Decode(packet, new MqttPacket());
    }

    /// <summary>Decodes a packet that must be valid, and returns the view for inspection.</summary>
    public static MqttPacket DecodeValid(byte[] packet)
    {
        MqttPacket decoded = new MqttPacket();
        Assert.AreEqual((int)MqttError.None, (int)Decode(packet, decoded), "decodes " + Text(packet));
        return decoded;
    }

    public static byte[] Filled(int length, byte value)
    {
        byte[] buffer = new byte[length];
        for (int i = 0; i < length; i++) buffer[i] = value;
        return buffer;
    }

    /// <summary>A buffer for an encoder to write <paramref name="length"/> bytes at <see cref="At"/>, junk around them.</summary>
    public static byte[] Room(int length) => Filled(At + length + 3, Junk);

    /// <summary>The encoder wrote exactly <paramref name="expected"/> at <see cref="At"/> of a <see cref="Room"/> buffer.</summary>
    public static void AssertWritten(byte[] expected, byte[] buffer, int written)
    {
        Assert.AreEqual(expected.Length, written, "bytes written");
        Assert.AreEqual(Text(expected), Text(buffer, At, written), "bytes");
        for (int i = 0; i < At; i++) Assert.AreEqual(Junk, buffer[i], "before the offset");
        for (int i = At + written; i < buffer.Length; i++) Assert.AreEqual(Junk, buffer[i], "after the packet");
    }

    public static void AssertBytes(byte[] expected, byte[] buffer, int offset, int count, string what)
    {
        Assert.AreEqual(Text(expected), Text(buffer, offset, count), what);
    }

    public static byte[] Concat(params byte[][] parts)
    {
        int length = 0;
        for (int i = 0; i < parts.Length; i++) length += parts[i].Length;
        byte[] all = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            Array.Copy(parts[i], 0, all, at, parts[i].Length);
            at += parts[i].Length;
        }
        return all;
    }

    public static byte[] Slice(byte[] bytes, int offset, int count)
    {
        byte[] slice = new byte[count];
        Array.Copy(bytes, offset, slice, 0, count);
        return slice;
    }

    /// <summary>A two-byte length prefix and the bytes, as MQTT strings and binary fields are written.</summary>
    public static byte[] Prefixed(byte[] value)
    {
        return Concat(new byte[] { (byte)(value.Length >> 8), (byte)value.Length }, value);
    }

    /// <summary>First byte, remaining length (computed here, not by the codec), body.</summary>
    public static byte[] Framed(int firstByte, byte[] body)
    {
        byte[] length = new byte[4];
        int count = 0;
        int value = body.Length;
        do
        {
            length[count] = (byte)((value % 128) | (value >= 128 ? 0x80 : 0));
            value /= 128;
            count++;
        }
        while (value > 0);
        return Concat(new byte[] { (byte)firstByte }, Slice(length, 0, count), body);
    }

    /// <summary>A copy of the packet with one byte changed.</summary>
    public static byte[] With(byte[] packet, int index, int value)
    {
        byte[] copy = Slice(packet, 0, packet.Length);
        copy[index] = (byte)value;
        return copy;
    }

    /// <summary>The body between chosen bytes, in one array; <paramref name="offset"/> is where the body starts.</summary>
    public static byte[] Between(byte[] before, byte[] body, byte[] after, out int offset)
    {
        offset = before.Length;
        return Concat(before, body, after);
    }
}
