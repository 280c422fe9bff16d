using System;

namespace EdgeSensor.Mqtt.Tests;

/// <summary>
/// Puts bytes in the middle of a larger buffer with chosen bytes around them, so a test can
/// show that code honours (buffer, offset, count) and reads nothing outside the range.
/// </summary>
readonly struct Padded
{
    public Padded(byte[] buffer, int offset, int count)
    {
        Buffer = buffer;
        Offset = offset;
        Count = count;
    }

    public byte[] Buffer { get; }

    public int Offset { get; }

    public int Count { get; }

    public static Padded Between(byte[] before, byte[] body, byte[] after)
    {
        byte[] buffer = new byte[before.Length + body.Length + after.Length];
        before.CopyTo(buffer, 0);
        body.CopyTo(buffer, before.Length);
        after.CopyTo(buffer, before.Length + body.Length);
        return new Padded(buffer, before.Length, body.Length);
    }

    public static Padded Alone(byte[] body)
    {
        return new Padded(body, 0, body.Length);
    }

    public static byte[] Bytes(string text)
    {
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    public static byte[] Hex(string hex)
    {
        return Convert.FromHexString(hex.Replace(" ", string.Empty));
    }
}
