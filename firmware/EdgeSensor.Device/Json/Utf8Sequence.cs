namespace EdgeSensor.Device
{
    /// <summary>Well-formed UTF-8 (RFC 3629), one multi-byte sequence at a time, as a tokenizer meets them.</summary>
    internal static class Utf8Sequence
    {
        /// <summary>
        /// The length (2 to 4) of the well-formed sequence whose lead byte (0x80 or above) is at
        /// <paramref name="index"/>, or 0 when it is ill-formed or cut short by <paramref name="end"/>.
        /// </summary>
        public static int LengthAt(byte[] buffer, int index, int end)
        {
            int lead = buffer[index];
            int length;

            // The second byte's range is what rules out overlong forms (E0, F0), encoded surrogates (ED) and
            // code points above U+10FFFF (F4): RFC 3629 section 4.
            int secondLowest = 0x80;
            int secondHighest = 0xBF;
            if (lead < 0xC2)
            {
                // 80..BF: a continuation byte without a lead; C0, C1: overlong ASCII.
                return 0;
            }

            if (lead < 0xE0)
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

        /// <summary>The code point of a sequence <see cref="LengthAt"/> accepted with <paramref name="length"/>.</summary>
        public static int Decode(byte[] buffer, int index, int length)
        {
            int lead = buffer[index];
            int codePoint;
            if (length == 2)
            {
                codePoint = lead & 0x1F;
            }
            else if (length == 3)
            {
                codePoint = lead & 0x0F;
            }
            else
            {
                codePoint = lead & 0x07;
            }

            for (int next = index + 1; next < index + length; next++)
            {
                codePoint = (codePoint << 6) | (buffer[next] & 0x3F);
            }

            return codePoint;
        }
    }
}
