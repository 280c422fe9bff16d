using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Json;

/// <summary>
/// Writes compact JSON into a caller's buffer without allocating. When the buffer is too small it stops
/// and sets <see cref="Overflowed"/> instead of throwing: the caller then drops the document as a whole.
/// Each value method returns the writer, so a document's members chain (shorter code on the device).
/// </summary>
public sealed class JsonWriter
{
    const int MaxDepth = 16;
    const int MaxDecimals = 6;
    const string HexDigits = "0123456789abcdef";

    readonly bool[] hasItems = new bool[MaxDepth];
    readonly byte[] digits = new byte[20];
    byte[] buffer;
    int start;
    int position;
    int depth;
    bool afterName;
    bool overflowed;

    public bool Overflowed => overflowed;

    public int Length => position - start;

    public void Reset(byte[] target, int offset)
    {
        buffer = target;
        start = position = offset;
        depth = 0;
        afterName = false;
        overflowed = false;
    }

    public JsonWriter BeginObject()
    {
        BeginValue();
        return Open((byte)'{');
    }

    public JsonWriter EndObject() => Close((byte)'}');

    public JsonWriter BeginArray()
    {
        BeginValue();
        return Open((byte)'[');
    }

    public JsonWriter EndArray() => Close((byte)']');

    public JsonWriter Name(string name)
    {
        String(name);
        Put((byte)':');
        afterName = true;
        return this;
    }

    /// <summary>A member with a string value: <c>"name":"value"</c>.</summary>
    public JsonWriter Member(string name, string value) => Name(name).String(value);

    public JsonWriter String(string value) => String(value, 0, value.Length);

    /// <summary>A string value from the characters [start, end) of <paramref name="value"/>: a name from a list, without allocating.</summary>
    public JsonWriter String(string value, int start, int end)
    {
        BeginValue();
        WriteEscaped(value, start, end);
        return this;
    }

    /// <summary>A string value from UTF-8 bytes (valid UTF-8 is the caller's promise), escaped as JSON requires.</summary>
    public JsonWriter String(byte[] utf8, int offset, int count)
    {
        BeginValue();
        Put((byte)'"');
        for (int i = offset; i < offset + count; i++) PutEscaped(utf8[i]);
        Put((byte)'"');
        return this;
    }

    public JsonWriter Null() => Literal("null");

    public JsonWriter Boolean(bool value) => Literal(value ? "true" : "false");

    public JsonWriter Number(long value)
    {
        BeginValue();
        PutInteger(value);
        return this;
    }

    /// <summary>
    /// A number with exactly <paramref name="decimals"/> decimals, rounded half away from zero, never an
    /// exponent. NaN and infinities have no JSON form: they are written as null.
    /// </summary>
    public JsonWriter Number(double value, int decimals)
    {
        if (decimals < 0) decimals = 0;
        if (decimals > MaxDecimals) decimals = MaxDecimals;
        long scale = 1;
        for (int d = 0; d < decimals; d++) scale *= 10;
        if (double.IsNaN(value) || value > 9e15 / scale || value < -9e15 / scale) return Null();
        BeginValue();
        double scaledValue = value * scale;
        long scaled = (long)(scaledValue + (scaledValue >= 0 ? 0.5 : -0.5));
        if (scaled < 0)
        {
            Put((byte)'-');
            scaled = -scaled;
        }
        PutInteger(scaled / scale);
        if (decimals > 0) Put((byte)'.'); // then one digit per decimal: none, and no point, for 0
        long fraction = scaled % scale;
        for (long p = scale / 10; p > 0; p /= 10)
        {
            Put((byte)('0' + (int)(fraction / p)));
            fraction %= p;
        }
        return this;
    }

    JsonWriter Literal(string literal)
    {
        BeginValue();
        for (int i = 0; i < literal.Length; i++) Put((byte)literal[i]);
        return this;
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

    JsonWriter Open(byte bracket)
    {
        Put(bracket);
        if (depth == MaxDepth) overflowed = true;
        else hasItems[depth++] = false;
        return this;
    }

    JsonWriter Close(byte bracket)
    {
        if (depth > 0) depth--;
        Put(bracket);
        return this;
    }

    void PutInteger(long value)
    {
        if (value < 0)
        {
            Put((byte)'-');
            if (value == long.MinValue)
            {
                overflowed = true; // no such telemetry value; refuse rather than print garbage
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

    void WriteEscaped(string value, int start, int end)
    {
        Put((byte)'"');
        for (int i = start; i < end; i++)
        {
            int code = MqttUtf8.ScalarAt(value, i);
            if (code >= 0 && code < 0x80)
            {
                PutEscaped((byte)code);
                continue;
            }
            if (code >= 0x10000) i++;
            if (code < 0) code = 0xFFFD; // a lone surrogate cannot be written as UTF-8
            if (position + MqttUtf8.EncodedLength(code) > buffer.Length)
            {
                position = buffer.Length;
                overflowed = true;
                continue;
            }
            position = MqttUtf8.EncodeScalar(code, buffer, position);
        }
        Put((byte)'"');
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
            Put((byte)HexDigits[b >> 4]);
            Put((byte)HexDigits[b & 0xF]);
        }
        else Put(b);
    }

    void Put(byte b)
    {
        if (position >= buffer.Length)
        {
            overflowed = true;
            return;
        }
        buffer[position++] = b;
    }
}
