namespace EdgeSensor.Mqtt
{
    /// <summary>
    /// UTF-8 as MQTT 3.1.1 section 1.5.3 wants it, by hand: the same code on the device
    /// (whose Encoding has no GetByteCount and allocates) and on the desktop, with no allocation.
    /// </summary>
    public static class MqttUtf8
    {
        private const int HighSurrogateFirst = 0xD800;
        private const int LowSurrogateFirst = 0xDC00;
        private const int SurrogateLast = 0xDFFF;

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
                if (lead < 0x80)
                {
                    if (lead == 0)
                    {
                        return MqttError.InvalidUtf8;
                    }

                    index++;
                    continue;
                }

                // The second byte's range is what rules out overlong forms (E0, F0), encoded
                // surrogates (ED) and code points above U+10FFFF (F4); RFC 3629 section 4.
                int continuationCount;
                int secondLowest = 0x80;
                int secondHighest = 0xBF;
                if (lead < 0xC2)
                {
                    // 80..BF: a continuation byte with no lead; C0, C1: overlong ASCII.
                    return MqttError.InvalidUtf8;
                }
                else if (lead < 0xE0)
                {
                    continuationCount = 1;
                }
                else if (lead < 0xF0)
                {
                    continuationCount = 2;
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
                    continuationCount = 3;
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
                    return MqttError.InvalidUtf8;
                }

                if (end - index <= continuationCount)
                {
                    return MqttError.InvalidUtf8;
                }

                int second = buffer[index + 1];
                if (second < secondLowest || second > secondHighest)
                {
                    return MqttError.InvalidUtf8;
                }

                for (int next = index + 2; next <= index + continuationCount; next++)
                {
                    if ((buffer[next] & 0xC0) != 0x80)
                    {
                        return MqttError.InvalidUtf8;
                    }
                }

                index += continuationCount + 1;
            }

            return MqttError.None;
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
                    byteCount += 1;
                }
                else if (scalar < 0x800)
                {
                    byteCount += 2;
                }
                else if (scalar < 0x10000)
                {
                    byteCount += 3;
                }
                else
                {
                    byteCount += 4;
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
                if (scalar < 0)
                {
                    scalar = 0xFFFD;
                }

                if (scalar < 0x80)
                {
                    buffer[position++] = (byte)scalar;
                }
                else if (scalar < 0x800)
                {
                    buffer[position++] = (byte)(0xC0 | (scalar >> 6));
                    buffer[position++] = (byte)(0x80 | (scalar & 0x3F));
                }
                else if (scalar < 0x10000)
                {
                    position = WriteThreeBytes(scalar, buffer, position);
                }
                else
                {
                    buffer[position++] = (byte)(0xF0 | (scalar >> 18));
                    buffer[position++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    buffer[position++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    buffer[position++] = (byte)(0x80 | (scalar & 0x3F));
                    index++;
                }
            }

            return position - offset;
        }

        private static int WriteThreeBytes(int codePoint, byte[] buffer, int position)
        {
            buffer[position] = (byte)(0xE0 | (codePoint >> 12));
            buffer[position + 1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            buffer[position + 2] = (byte)(0x80 | (codePoint & 0x3F));
            return position + 3;
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
}
