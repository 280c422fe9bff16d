using System;
using System.Text;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>Helpers that put packets where reading out of range would show, and read fields back out.</summary>
static class PacketBytes
{
    /// <summary>Junk before a placed packet: an offset of zero would hide a decoder that ignores its offset.</summary>
    public const int Lead = 5;

    /// <summary>
    /// The packet at the very end of a new array, after <see cref="Lead"/> junk bytes: a read past
    /// its end throws instead of passing unnoticed.
    /// </summary>
    public static byte[] Placed(byte[] packet)
    {
        byte[] buffer = new byte[Lead + packet.Length];
        buffer.AsSpan(0, Lead).Fill(0xEE);
        packet.CopyTo(buffer, Lead);
        return buffer;
    }

    public static MqttError Decode(byte[] packet, BrokerPacket into)
    {
        return BrokerDecoder.Decode(Placed(packet), Lead, packet.Length, into);
    }

    /// <summary>Decodes a packet that must be valid, and returns the view for inspection.</summary>
    public static BrokerPacket DecodeValid(byte[] packet)
    {
        BrokerPacket decoded = new BrokerPacket();
        MqttError error = Decode(packet, decoded);
        Assert.True(error == MqttError.None, error + " decoding " + Convert.ToHexString(packet));
        return decoded;
    }

    public static string Text(byte[] buffer, int offset, int length)
    {
        return Encoding.UTF8.GetString(buffer, offset, length);
    }

    public static byte[] Slice(byte[] buffer, int offset, int length)
    {
        return buffer.AsSpan(offset, length).ToArray();
    }

    public static byte[] Utf8(string text)
    {
        return Encoding.UTF8.GetBytes(text);
    }

    public static byte[] Concat(params byte[][] parts)
    {
        int length = 0;
        foreach (byte[] part in parts)
        {
            length += part.Length;
        }

        byte[] all = new byte[length];
        int at = 0;
        foreach (byte[] part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }

    /// <summary>A two-byte length prefix and the bytes, as MQTT strings and binary fields are written.</summary>
    public static byte[] Prefixed(byte[] value)
    {
        return Concat(new[] { (byte)(value.Length >> 8), (byte)value.Length }, value);
    }

    /// <summary>First byte, remaining length (computed independently of the codec), body.</summary>
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

        return Concat(new[] { (byte)firstByte }, length.AsSpan(0, count).ToArray(), body);
    }

    [ThreadStatic]
    static byte[] scratch;

    /// <summary>What an encoder writes, cut to size, from a buffer far larger than needed.</summary>
    public static byte[] Encoded(Func<byte[], int, int> encode)
    {
        byte[] buffer = scratch ??= new byte[70000];
        int written = encode(buffer, 0);
        Assert.True(written > 0, "the encoder refused a buffer of " + buffer.Length + " bytes");
        return Slice(buffer, 0, written);
    }

    public static void Equal(byte[] expected, byte[] actual)
    {
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }
}
