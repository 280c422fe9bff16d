using System;

namespace EdgeSensor.NanoTests;

/// <summary>
/// Test text to UTF-8 bytes without the code under test, for vectors that are not ASCII. Characters up to U+FFFF
/// are encoded here by arithmetic; anything else is written as bytes: <c>&lt;f0 9f 98 80&gt;</c> stands for those
/// four bytes (a supplementary character, a NUL, invalid UTF-8). nanoCLR's strings cannot hold U+0000 and its
/// string indexer returns the high surrogate for both units of a pair, so neither is read from a string here.
/// </summary>
public static class Utf8Text
{
    public static byte[] Bytes(string text)
    {
        byte[] bytes = new byte[text.Length * 3];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c == '<')
            {
                int close = text.IndexOf('>', i);
                if (close < 0) throw new ArgumentException("unclosed < at index " + i.ToString());
                count = HexBytes(text, i + 1, close, bytes, count);
                i = close;
            }
            else if (c < 0x80)
            {
                bytes[count++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[count++] = (byte)(0xC0 | (c >> 6));
                bytes[count++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (c >= 0xD800 && c <= 0xDFFF)
            {
                throw new ArgumentException("a surrogate at index " + i.ToString() + ": write the character's bytes as <f0 ..>");
            }
            else
            {
                bytes[count++] = (byte)(0xE0 | (c >> 12));
                bytes[count++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[count++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        byte[] result = new byte[count];
        Array.Copy(bytes, result, count);
        return result;
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

    /// <summary>Bytes written as hex pairs, spaces allowed between them: "22 e2 82 22".</summary>
    public static byte[] Hex(string hex)
    {
        byte[] bytes = new byte[hex.Length / 2];
        int count = HexBytes(hex, 0, hex.Length, bytes, 0);
        byte[] result = new byte[count];
        Array.Copy(bytes, result, count);
        return result;
    }

    static int HexBytes(string text, int from, int to, byte[] bytes, int count)
    {
        int i = from;
        while (i < to)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }
            if (i + 1 >= to) throw new ArgumentException("odd hex digit at index " + i.ToString());
            bytes[count++] = (byte)((Digit(text[i]) << 4) | Digit(text[i + 1]));
            i += 2;
        }
        return count;
    }

    static int Digit(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw new ArgumentException("not a hex digit: " + c.ToString());
    }
}
