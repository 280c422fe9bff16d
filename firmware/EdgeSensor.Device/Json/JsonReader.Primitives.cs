namespace EdgeSensor.Device.Json;

/// <summary>
/// Numbers and the literals true, false and null. Numbers are read by hand: the device's Parse methods follow
/// the current culture and differ between targets, and the grammar (no leading zeros, no '+', no bare '.')
/// must be RFC 8259's anyway.
/// </summary>
public sealed partial class JsonReader
{
    /// <summary>
    /// The value of a Number token written without fraction or exponent that fits an int; false otherwise
    /// (10.0 and 1e3 are not integers here: configuration wants them written as such).
    /// </summary>
    public bool TryGetInt32(out int value)
    {
        Require(JsonTokenType.Number, JsonTokenType.Number);
        value = 0;
        if (!numberIsInteger) return false;

        int index = valueStart;
        bool negative = buffer[index] == (byte)'-';
        if (negative) index++;

        if (valueEnd - index > 10) return false;

        long magnitude = 0;
        for (; index < valueEnd; index++) magnitude = (magnitude * 10) + (buffer[index] - '0');

        long signed = negative ? -magnitude : magnitude;
        if (signed < int.MinValue || signed > int.MaxValue) return false;

        value = (int)signed;
        return true;
    }

    /// <summary>The text of a Number token, as written (for messages). Allocates.</summary>
    public string GetNumberText()
    {
        Require(JsonTokenType.Number, JsonTokenType.Number);
        char[] chars = new char[valueEnd - valueStart];
        for (int index = valueStart; index < valueEnd; index++) chars[index - valueStart] = (char)buffer[index];

        return new string(chars);
    }

    /// <summary>Scans a number at the current position against RFC 8259's grammar.</summary>
    void ScanNumber()
    {
        int index = Peek(position) == '-' ? position + 1 : position;
        int first = Peek(index);
        if (first < 0) FailAtEnd(" inside a number", index);

        if (first == '0')
        {
            index++;
            if (IsDigit(Peek(index))) Fail("invalid number (leading zeros are not allowed)", position);
        }
        else if (IsDigit(first)) index = ScanDigits(index, null);
        else Fail("invalid number (expected a digit)", index);

        bool integer = true;
        if (Peek(index) == '.')
        {
            index = ScanDigits(index + 1, "invalid number (expected a digit after the decimal point)");
            integer = false;
        }

        int exponent = Peek(index);
        if (exponent == 'e' || exponent == 'E')
        {
            int sign = Peek(++index);
            index = ScanDigits(sign == '+' || sign == '-' ? index + 1 : index, "invalid number (expected a digit in the exponent)");
            integer = false;
        }

        int after = Peek(index);
        if (after >= 0 && !IsDelimiter(after)) Fail("invalid number (unexpected character after it)", index);

        tokenType = JsonTokenType.Number;
        valueStart = position;
        valueEnd = index;
        numberIsInteger = integer;
        position = index;
    }

    /// <summary>One or more digits from <paramref name="index"/> (the first already seen when <paramref name="problem"/> is null); returns the index after them.</summary>
    int ScanDigits(int index, string problem)
    {
        int first = Peek(index);
        if (first < 0) FailAtEnd(" inside a number", index);

        if (!IsDigit(first)) Fail(problem, index);

        while (IsDigit(Peek(index))) index++;

        return index;
    }

    void ScanLiteral(string literal, JsonTokenType type)
    {
        int length = literal.Length;
        for (int index = 0; index < length; index++)
        {
            int next = Peek(position + index);
            if (next < 0) FailAtEnd(" inside a literal", position + index);

            if (next != literal[index]) Fail("invalid literal (expected true, false or null)", position);
        }

        int after = Peek(position + length);
        if (after >= 0 && !IsDelimiter(after)) Fail("invalid literal (expected true, false or null)", position);

        tokenType = type;
        position += length;
    }
}
