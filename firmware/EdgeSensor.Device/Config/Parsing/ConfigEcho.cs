namespace EdgeSensor.Device
{
    /// <summary>
    /// Values quoted in messages. Only fields that hold no secret are ever quoted; even so, the text is cut short
    /// and control characters are masked, so a message stays one readable line.
    /// </summary>
    internal static class ConfigEcho
    {
        const int MaxQuotedLength = 40;
        const string HexDigits = "0123456789abcdef";

        public static string Quote(string value)
        {
            return "\"" + Bare(value) + "\"";
        }

        /// <summary>Like <see cref="Quote"/> without the quotes: for property names inside a path.</summary>
        public static string Bare(string value)
        {
            int length = value.Length < MaxQuotedLength ? value.Length : MaxQuotedLength;
            char[] chars = new char[length];
            for (int index = 0; index < length; index++)
            {
                char current = value[index];
                chars[index] = current < ' ' || (current >= (char)0x7F && current <= (char)0x9F) ? '?' : current;
            }

            string shown = new string(chars);
            return value.Length > MaxQuotedLength ? shown + "..." : shown;
        }

        /// <summary>A number as written in the document, cut short like <see cref="Quote"/>.</summary>
        public static string Number(string text)
        {
            return text.Length > MaxQuotedLength ? text.Substring(0, MaxQuotedLength) + "..." : text;
        }

        /// <summary>"a, b, c": the known members or values, listed in a message.</summary>
        public static string List(string[] names)
        {
            string list = string.Empty;
            for (int index = 0; index < names.Length; index++)
            {
                list = index == 0 ? names[0] : list + ", " + names[index];
            }

            return list;
        }

        /// <summary>0x44: how I2C addresses are written in datasheets.</summary>
        public static string Hex(int value)
        {
            if (value < 0)
            {
                return value.ToString();
            }

            // Built from the right: at most eight digits, at least two, then the "0x".
            char[] chars = new char[10];
            int start = chars.Length;
            do
            {
                chars[--start] = HexDigits[value & 0xF];
                value >>= 4;
            }
            while (value != 0);

            if (start == chars.Length - 1)
            {
                chars[--start] = '0';
            }

            chars[--start] = 'x';
            chars[--start] = '0';
            return new string(chars, start, chars.Length - start);
        }
    }
}
