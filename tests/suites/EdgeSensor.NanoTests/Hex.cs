using System;

namespace EdgeSensor.NanoTests;

/// <summary>Bytes written as hex digits ("4FC328"), for DataRows, which take no byte arrays.</summary>
public static class Hex
{
    public static byte[] Bytes(string hex)
    {
        if (hex.Length % 2 != 0) throw new ArgumentException("odd number of hex digits: " + hex);
        byte[] bytes = new byte[hex.Length / 2];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(Digit(hex[2 * i]) * 16 + Digit(hex[2 * i + 1]));
        return bytes;
    }

    /// <summary>Upper-case hex digits, two per byte.</summary>
    public static string Text(byte[] bytes)
    {
        const string Digits = "0123456789ABCDEF";
        char[] chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[2 * i + 1] = Digits[bytes[i] & 0xF];
        }
        return new string(chars);
    }

    static int Digit(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        throw new ArgumentException("not a hex digit: " + c.ToString());
    }
}
