using EdgeSensor.Mqtt;

namespace EdgeSensor.Device
{
    /// <summary>
    /// Writes compact JSON into a caller's buffer without allocating. When the buffer is too small it stops
    /// and sets <see cref="Overflowed"/> instead of throwing: the caller then drops the document as a whole.
    /// </summary>
    public sealed class JsonWriter
    {
        const int MaxDepth = 16;
        const int MaxDecimals = 6;
        static readonly long[] PowersOfTen = new long[] { 1, 10, 100, 1000, 10000, 100000, 1000000 };
        static readonly byte[] NullBytes = new byte[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };
        static readonly byte[] TrueBytes = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        static readonly byte[] FalseBytes = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        static readonly byte[] Hex = new byte[] { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f' };

        readonly bool[] hasItems = new bool[MaxDepth];
        readonly byte[] digits = new byte[20];
        byte[] buffer;
        int start;
        int position;
        int depth;
        bool afterName;

        public bool Overflowed { get; private set; }

        public int Length { get { return position - start; } }

        public void Reset(byte[] target, int offset)
        {
            buffer = target;
            start = position = offset;
            depth = 0;
            afterName = false;
            Overflowed = false;
        }

        public void BeginObject() { BeginValue(); Open((byte)'{'); }

        public void EndObject() { Close((byte)'}'); }

        public void BeginArray() { BeginValue(); Open((byte)'['); }

        public void EndArray() { Close((byte)']'); }

        /// <summary>A property name given as UTF-8 bytes that need no escaping (pre-encoded keys).</summary>
        public void Name(byte[] utf8)
        {
            BeginValue();
            Put((byte)'"');
            PutBytes(utf8, 0, utf8.Length);
            Put((byte)'"');
            Put((byte)':');
            afterName = true;
        }

        public void Name(string name)
        {
            BeginValue();
            WriteEscaped(name);
            Put((byte)':');
            afterName = true;
        }

        public void String(string value)
        {
            BeginValue();
            WriteEscaped(value);
        }

        /// <summary>A string value from UTF-8 bytes (valid UTF-8 is the caller's promise), escaped as JSON requires.</summary>
        public void String(byte[] utf8, int offset, int count)
        {
            BeginValue();
            Put((byte)'"');
            for (int i = offset; i < offset + count; i++) PutEscaped(utf8[i]);
            Put((byte)'"');
        }

        public void Null() { BeginValue(); PutBytes(NullBytes, 0, 4); }

        public void Bool(bool value)
        {
            BeginValue();
            if (value) PutBytes(TrueBytes, 0, 4);
            else PutBytes(FalseBytes, 0, 5);
        }

        public void Number(long value)
        {
            BeginValue();
            PutInteger(value);
        }

        /// <summary>
        /// A number with exactly <paramref name="decimals"/> decimals, rounded half away from zero, never an
        /// exponent. NaN and infinities have no JSON form: they are written as null.
        /// </summary>
        public void Number(double value, int decimals)
        {
            BeginValue();
            if (decimals < 0) decimals = 0;
            if (decimals > MaxDecimals) decimals = MaxDecimals;
            long scale = PowersOfTen[decimals];
            if (double.IsNaN(value) || value > 9e15 / scale || value < -9e15 / scale)
            {
                PutBytes(NullBytes, 0, 4);
                return;
            }
            double scaledValue = value * scale;
            long scaled = (long)(scaledValue + (scaledValue >= 0 ? 0.5 : -0.5));
            if (scaled < 0)
            {
                Put((byte)'-');
                scaled = -scaled;
            }
            PutInteger(scaled / scale);
            if (decimals == 0) return;
            Put((byte)'.');
            long fraction = scaled % scale;
            for (long p = scale / 10; p > 0; p /= 10)
            {
                Put((byte)('0' + (int)(fraction / p)));
                fraction %= p;
            }
        }

        void BeginValue()
        {
            if (afterName)
            {
                afterName = false;
                return;
            }
            if (depth == 0) return;
            if (hasItems[depth - 1]) Put((byte)',');
            hasItems[depth - 1] = true;
        }

        void Open(byte bracket)
        {
            Put(bracket);
            if (depth == MaxDepth)
            {
                Overflowed = true;
                return;
            }
            hasItems[depth++] = false;
        }

        void Close(byte bracket)
        {
            if (depth > 0) depth--;
            Put(bracket);
        }

        void PutInteger(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
                if (value == long.MinValue)
                {
                    Overflowed = true; // no such telemetry value; refuse rather than print garbage
                    return;
                }
                value = -value;
            }
            int n = 0;
            do
            {
                digits[n++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value > 0);
            while (n > 0) Put(digits[--n]);
        }

        void WriteEscaped(string value)
        {
            Put((byte)'"');
            for (int i = 0; i < value.Length; i++)
            {
                int code = MqttUtf8.ScalarAt(value, i);
                if (code >= 0 && code < 0x80)
                {
                    PutEscaped((byte)code);
                    continue;
                }
                if (code >= 0x10000) i++;
                PutCodePoint(code < 0 ? 0xFFFD : code); // a lone surrogate cannot be written as UTF-8
            }
            Put((byte)'"');
        }

        void PutCodePoint(int code)
        {
            if (code < 0x800)
            {
                Put((byte)(0xC0 | (code >> 6)));
            }
            else if (code < 0x10000)
            {
                Put((byte)(0xE0 | (code >> 12)));
                Put((byte)(0x80 | ((code >> 6) & 0x3F)));
            }
            else
            {
                Put((byte)(0xF0 | (code >> 18)));
                Put((byte)(0x80 | ((code >> 12) & 0x3F)));
                Put((byte)(0x80 | ((code >> 6) & 0x3F)));
            }
            Put((byte)(0x80 | (code & 0x3F)));
        }

        /// <summary>Escapes what JSON requires (quote, backslash, control characters); other bytes pass as they are.</summary>
        void PutEscaped(byte b)
        {
            if (b == (byte)'"' || b == (byte)'\\')
            {
                Put((byte)'\\');
                Put(b);
            }
            else if (b < 0x20)
            {
                Put((byte)'\\');
                Put((byte)'u');
                Put((byte)'0');
                Put((byte)'0');
                Put(Hex[b >> 4]);
                Put(Hex[b & 0xF]);
            }
            else
            {
                Put(b);
            }
        }

        void PutBytes(byte[] source, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++) Put(source[i]);
        }

        void Put(byte b)
        {
            if (position >= buffer.Length)
            {
                Overflowed = true;
                return;
            }
            buffer[position++] = b;
        }
    }
}
