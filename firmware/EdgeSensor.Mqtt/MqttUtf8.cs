namespace EdgeSensor.Mqtt;

/// <summary>
/// UTF-8 as MQTT 3.1.1 section 1.5.3 wants it, by hand: the same code on the device
/// (whose Encoding has no GetByteCount and allocates) and on the desktop, with no allocation.
/// RFC 3629's rules live in <see cref="SequenceLength"/> alone: MQTT's validation and the device's JSON
/// reader both judge bytes one sequence at a time with it.
/// </summary>
public static class MqttUtf8
{
    const int HighSurrogateFirst = 0xD800;
    const int LowSurrogateFirst = 0xDC00;
    const int SurrogateLast = 0xDFFF;

    /// <summary>
    /// None when the bytes are well-formed UTF-8 (RFC 3629) without U+0000, else InvalidUtf8
    /// [MQTT-1.5.3-1] [MQTT-1.5.3-2]. U+FEFF and non-characters pass: [MQTT-1.5.3-3] forbids stripping them.
    /// </summary>
    public static MqttError Validate(byte[] buffer, int offset, int count)
    {
        int index = offset;
        int end = offset + count;
        while (index < end)
        {
            int lead = buffer[index];
            if (lead == 0)
            {
                return MqttError.InvalidUtf8;
            }

            // ASCII, by far the most common, without the call.
            int length = lead < 0x80 ? 1 : SequenceLength(buffer, index, end);
            if (length == 0)
            {
                return MqttError.InvalidUtf8;
            }

            index += length;
        }

        return MqttError.None;
    }

    /// <summary>
    /// The length (1 to 4) of the well-formed UTF-8 sequence that starts at <paramref name="index"/> and ends
    /// before <paramref name="end"/>, or 0 when it is ill-formed or cut short (RFC 3629). U+0000 is a
    /// sequence of length 1 here: whether a string may hold it is the caller's rule.
    /// </summary>
    public static int SequenceLength(byte[] buffer, int index, int end)
    {
        int lead = buffer[index];
        if (lead < 0x80)
        {
            return 1;
        }

        // The second byte's range is what rules out overlong forms (E0, F0), encoded
        // surrogates (ED) and code points above U+10FFFF (F4); RFC 3629 section 4.
        int length;
        int secondLowest = 0x80;
        int secondHighest = 0xBF;
        if (lead < 0xC2)
        {
            // 80..BF: a continuation byte with no lead; C0, C1: overlong ASCII.
            return 0;
        }
        else if (lead < 0xE0)
        {
            length = 2;
        }
        else if (lead < 0xF0)
        {
            length = 3;
            if (lead == 0xE0)
            {
                secondLowest = 0xA0;
            }
            else if (lead == 0xED)
            {
                secondHighest = 0x9F;
            }
        }
        else if (lead < 0xF5)
        {
            length = 4;
            if (lead == 0xF0)
            {
                secondLowest = 0x90;
            }
            else if (lead == 0xF4)
            {
                secondHighest = 0x8F;
            }
        }
        else
        {
            return 0;
        }

        if (end - index < length)
        {
            return 0;
        }

        int second = buffer[index + 1];
        if (second < secondLowest || second > secondHighest)
        {
            return 0;
        }

        for (int next = index + 2; next < index + length; next++)
        {
            if ((buffer[next] & 0xC0) != 0x80)
            {
                return 0;
            }
        }

        return length;
    }

    /// <summary>The scalar value of the sequence at <paramref name="index"/> that <see cref="SequenceLength"/> measured as <paramref name="length"/>.</summary>
    public static int DecodeSequence(byte[] buffer, int index, int length)
    {
        // The lead keeps 7, 5, 4 or 3 payload bits; each continuation byte adds 6.
        int scalar = buffer[index] & (0xFF >> (length == 1 ? 1 : length + 1));
        for (int next = index + 1; next < index + length; next++)
        {
            scalar = (scalar << 6) | (buffer[next] & 0x3F);
        }

        return scalar;
    }

    /// <summary>
    /// UTF-8 as a new string; each byte of an ill-formed sequence, and U+0000 (a nanoFramework string ends there), becomes
    /// U+FFFD. Allocates: for code that runs once (setup, logging), never on a per-message path.
    /// </summary>
    public static string Decode(byte[] buffer, int offset, int count)
    {
        char[] chars = new char[count]; // never more UTF-16 units than UTF-8 bytes
        int n = 0;
        for (int i = offset; i < offset + count;)
        {
            int length = SequenceLength(buffer, i, offset + count);
            int scalar = length == 0 ? 0 : DecodeSequence(buffer, i, length);
            i += length == 0 ? 1 : length;
            if (scalar >= 0x10000)
            {
                chars[n++] = (char)(0xD7C0 + (scalar >> 10)); // 0xD800 + ((scalar - 0x10000) >> 10)
                chars[n++] = (char)(0xDC00 + (scalar & 0x3FF));
            }
            else chars[n++] = scalar == 0 ? '\uFFFD' : (char)scalar;
        }
        return new string(chars, 0, n);
    }

    /// <summary>
    /// How many bytes Encode writes for the string, or -1 when it cannot be sent as an MQTT
    /// string: it holds an unpaired surrogate [MQTT-1.5.3-1] or '\0' [MQTT-1.5.3-2].
    /// </summary>
    public static int ByteCount(string value)
    {
        int byteCount = 0;
        int length = value.Length;
        for (int index = 0; index < length; index++)
        {
            int scalar = ScalarAt(value, index);
            if (scalar <= 0)
            {
                return -1;
            }

            if (scalar < 0x80)
            {
                byteCount++;
                continue;
            }

            byteCount += EncodedLength(scalar);
            if (scalar >= 0x10000)
            {
                index++;
            }
        }

        return byteCount;
    }

    /// <summary>
    /// Writes the string as UTF-8 at offset and returns the byte count. The caller has checked
    /// ByteCount (not -1) and the space. Were an unpaired surrogate passed anyway, it is written as
    /// U+FFFD, as Encoding.UTF8 does, so the output is never ill-formed.
    /// </summary>
    public static int Encode(string value, byte[] buffer, int offset)
    {
        int position = offset;
        int length = value.Length;
        for (int index = 0; index < length; index++)
        {
            int scalar = ScalarAt(value, index);
            if (scalar >= 0 && scalar < 0x80)
            {
                buffer[position++] = (byte)scalar;
                continue;
            }

            if (scalar >= 0x10000)
            {
                index++;
            }

            position = EncodeScalar(scalar < 0 ? 0xFFFD : scalar, buffer, position);
        }

        return position - offset;
    }

    /// <summary>How many bytes the UTF-8 form of a scalar value takes: 1 to 4.</summary>
    public static int EncodedLength(int scalar)
    {
        return scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4;
    }

    /// <summary>Writes one scalar value as UTF-8 at <paramref name="position"/> (the caller has checked the space); returns the position after it.</summary>
    public static int EncodeScalar(int scalar, byte[] buffer, int position)
    {
        int length = EncodedLength(scalar);
        if (length == 1)
        {
            buffer[position] = (byte)scalar;
            return position + 1;
        }

        // Continuation bytes from the last one back, six bits each; the lead gets the rest behind its length marker.
        for (int at = position + length - 1; at > position; at--)
        {
            buffer[at] = (byte)(0x80 | (scalar & 0x3F));
            scalar >>= 6;
        }

        buffer[position] = (byte)((0xF00 >> length) | scalar);
        return position + length;
    }

    /// <summary>
    /// The Unicode scalar value starting at <paramref name="index"/>: a surrogate pair gives one value of
    /// 0x10000 or more (two UTF-16 units), a lone surrogate gives -1. nanoCLR keeps strings as UTF-8 and its
    /// indexer returns the high surrogate again for the second unit of a pair: ToCharArray reads it right.
    /// </summary>
    public static int ScalarAt(string value, int index)
    {
        int unit = value[index];
        if (unit < HighSurrogateFirst || unit > SurrogateLast)
        {
            return unit;
        }

        if (unit >= LowSurrogateFirst || index + 1 >= value.Length)
        {
            return -1;
        }

        int low = value[index + 1];
        if (low < LowSurrogateFirst || low > SurrogateLast)
        {
            low = value.ToCharArray(index, 2)[1]; // allocates only where the indexer was wrong, or the string is
        }

        if (low < LowSurrogateFirst || low > SurrogateLast)
        {
            return -1;
        }

        return 0x10000 + ((unit - HighSurrogateFirst) << 10) + (low - LowSurrogateFirst);
    }
}
