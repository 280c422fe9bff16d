using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Json;

/// <summary>Strings and property names: checked while scanning, decoded only when asked.</summary>
public sealed partial class JsonReader
{
    const int HighSurrogateFirst = 0xD800;
    const int LowSurrogateFirst = 0xDC00;
    const int LowSurrogateLast = 0xDFFF;

    // The letters that may follow a backslash other than 'u' (RFC 8259 section 7), and what each stands for.
    const string EscapeLetters = "\"\\/bfnrt";
    const string EscapedCharacters = "\"\\/\b\f\n\r\t";

    /// <summary>The decoded text of a String or PropertyName token. Allocates: meant for configuration time.</summary>
    public string GetString()
    {
        Require(JsonTokenType.String, JsonTokenType.PropertyName);

        // Every escape and every UTF-8 sequence yields no more UTF-16 units than it has bytes.
        char[] chars = new char[valueEnd - valueStart];
        int count = 0;
        int index = valueStart;
        while (index < valueEnd)
        {
            int codePoint = NextCodePoint(ref index);
            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                chars[count++] = (char)(HighSurrogateFirst + (codePoint >> 10));
                codePoint = LowSurrogateFirst + (codePoint & 0x3FF);
            }

            chars[count++] = (char)codePoint;
        }

        return new string(chars, 0, count);
    }

    /// <summary>Whether a String or PropertyName token holds U+0000 (written as \u0000), without allocating.</summary>
    public bool ContainsNul()
    {
        Require(JsonTokenType.String, JsonTokenType.PropertyName);
        int index = valueStart;
        while (index < valueEnd)
        {
            if (NextCodePoint(ref index) == 0) return true;
        }

        return false;
    }

    /// <summary>Whether a String or PropertyName token decodes to exactly <paramref name="text"/>, without allocating.</summary>
    public bool TextEquals(string text)
    {
        Require(JsonTokenType.String, JsonTokenType.PropertyName);
        int unit = 0;
        int index = valueStart;
        while (index < valueEnd)
        {
            int codePoint = NextCodePoint(ref index);
            if (unit >= text.Length || MqttUtf8.ScalarAt(text, unit) != codePoint) return false;

            unit += codePoint >= 0x10000 ? 2 : 1;
        }

        return unit == text.Length;
    }

    /// <summary>Scans a string whose opening quote is at the current position, checking all of it.</summary>
    void ScanString()
    {
        int index = position + 1;
        valueStart = index;
        while (true)
        {
            int current = Peek(index);
            if (current < 0) FailAtEnd(" inside a string", index);

            if (current == '"') break;

            if (current == '\\')
            {
                index = ScanEscape(index);
                continue;
            }

            if (current < 0x20) Fail("control character in a string (it must be written as an escape)", index);

            int length = MqttUtf8.SequenceLength(buffer, index, end);
            if (length == 0) Fail("invalid UTF-8 in a string", index);

            index += length;
        }

        valueEnd = index;
        position = index + 1;
    }

    /// <summary>Checks the escape whose backslash is at <paramref name="backslash"/>; returns the index after it.</summary>
    int ScanEscape(int backslash)
    {
        int kind = Peek(backslash + 1);
        if (kind < 0) FailAtEnd(" inside a string", backslash + 1);

        if (kind != 'u')
        {
            if (EscapeLetters.IndexOf((char)kind) < 0) Fail("invalid escape sequence in a string", backslash);

            return backslash + 2;
        }

        int unit = ScanHex4(backslash);
        int after = backslash + 6;
        if (unit >= LowSurrogateFirst && unit <= LowSurrogateLast)
            Fail("unpaired surrogate escape in a string (a low surrogate without a high one)", backslash);

        if (unit < HighSurrogateFirst || unit >= LowSurrogateFirst) return after;

        // A high surrogate stands for nothing on its own: the low half must follow as an escape too.
        int next = Peek(after);
        if (next != '\\' || Peek(after + 1) != 'u')
        {
            if (Peek(after + 1) < 0 && (next < 0 || next == '\\')) FailAtEnd(" inside a string", end);

            Fail("unpaired surrogate escape in a string (a high surrogate without a low one)", backslash);
        }

        int low = ScanHex4(after);
        if (low < LowSurrogateFirst || low > LowSurrogateLast)
            Fail("unpaired surrogate escape in a string (a high surrogate without a low one)", backslash);

        return after + 6;
    }

    /// <summary>The value of the four hex digits of the \u escape whose backslash is at <paramref name="backslash"/>.</summary>
    int ScanHex4(int backslash)
    {
        int value = 0;
        for (int index = backslash + 2; index < backslash + 6; index++)
        {
            int next = Peek(index);
            if (next < 0) FailAtEnd(" inside a string", index);

            int digit = HexValue(next);
            if (digit < 0) Fail("invalid \\u escape in a string (it needs four hex digits)", backslash);

            value = (value << 4) | digit;
        }

        return value;
    }

    /// <summary>Decodes one code point of an already checked string body and advances past it.</summary>
    int NextCodePoint(ref int index)
    {
        byte current = buffer[index];
        if (current == (byte)'\\')
        {
            byte kind = buffer[index + 1];
            if (kind != (byte)'u')
            {
                index += 2;
                return EscapedCharacters[EscapeLetters.IndexOf((char)kind)];
            }

            int unit = ScanHex4(index);
            index += 6;
            if (unit >= HighSurrogateFirst && unit < LowSurrogateFirst)
            {
                int low = ScanHex4(index);
                index += 6;
                return 0x10000 + ((unit - HighSurrogateFirst) << 10) + (low - LowSurrogateFirst);
            }

            return unit;
        }

        int length = MqttUtf8.SequenceLength(buffer, index, valueEnd);
        int codePoint = MqttUtf8.DecodeSequence(buffer, index, length);
        index += length;
        return codePoint;
    }

    /// <summary>The value of a hex digit in either case, or -1 (also for -1, the end of the document).</summary>
    internal static int HexValue(int digit)
    {
        int at = "0123456789abcdefABCDEF".IndexOf((char)digit);
        return at < 16 ? at : at - 6;
    }

    /// <summary>The accessors read the current token's bytes: on another token they would read garbage.</summary>
    void Require(JsonTokenType type, JsonTokenType otherType)
    {
        if (tokenType != type && tokenType != otherType) throw new InvalidOperationException("not on a token of that type");
    }
}
