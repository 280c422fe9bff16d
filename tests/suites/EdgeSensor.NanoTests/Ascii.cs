using System;

namespace EdgeSensor.NanoTests;

/// <summary>Test text to bytes without the code under test: ASCII only; other bytes are written as arrays.</summary>
public static class Ascii
{
    public static byte[] Bytes(string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c > 0x7F) throw new ArgumentException("not ASCII at index " + i.ToString() + ": write the bytes instead");
            bytes[i] = (byte)c;
        }
        return bytes;
    }

    /// <summary>JSON written with single quotes for readability in C#: each ' becomes ".</summary>
    public static byte[] Json(string singleQuoted)
    {
        byte[] bytes = Bytes(singleQuoted);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\'') bytes[i] = (byte)'"';
        }
        return bytes;
    }

    public static string Text(byte[] bytes, int offset, int count)
    {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = (char)bytes[offset + i];
        return new string(chars);
    }
}
