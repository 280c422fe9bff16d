using System;

namespace EdgeSensor.Device.Json;

/// <summary>
/// A strict RFC 8259 pull tokenizer over UTF-8 bytes. Each <see cref="Read"/> moves to the next token and checks
/// it completely (grammar, escapes, UTF-8), so a document read to the end is known to be valid JSON. Tokens
/// are offsets into the caller's buffer: nothing is allocated per token; only <see cref="GetString"/> (and
/// <see cref="GetNumberText"/>) build a string. Nesting is tracked in a bit set rather than by recursion, so
/// a hostile document cannot exhaust the stack, and is refused beyond <see cref="MaxDepth"/> levels (a
/// configuration has three). A leading byte order mark is skipped, as RFC 8259 section 8.1 allows; hand-edited
/// files often carry one.
/// </summary>
public sealed partial class JsonReader
{
    /// <summary>The bit set of open containers is a uint: one bit per level.</summary>
    public const int MaxDepth = 32;

    // What the grammar allows at the current position.
    const int ExpectingValue = 0;
    const int ExpectingFirstMemberOrEnd = 1;
    const int ExpectingFirstElementOrEnd = 2;
    const int AfterValue = 3;
    const int Finished = 4;

    readonly byte[] buffer;
    readonly int documentStart;
    readonly int end;

    int position;
    int state;
    int depth;

    // Bit (d - 1) is set when the container at depth d is an object, clear when it is an array.
    uint objectLevels;

    JsonTokenType tokenType;

    // Strings and names: the bytes between the quotes. Numbers: the number's text.
    int valueStart;
    int valueEnd;
    bool numberIsInteger;

    public JsonReader(byte[] json, int offset, int count)
    {
        if (json == null) throw new ArgumentNullException("json");

        if (offset < 0 || count < 0 || offset > json.Length - count)
            throw new ArgumentOutOfRangeException("count", "offset and count must lie within json");

        buffer = json;
        documentStart = offset;
        end = offset + count;
        position = offset;
        if (count >= 3 && json[offset] == 0xEF && json[offset + 1] == 0xBB && json[offset + 2] == 0xBF) position += 3;

        state = ExpectingValue;
    }

    public JsonTokenType TokenType => tokenType;

    /// <summary>
    /// Moves to the next token. False once the document's single top-level value is complete and only
    /// whitespace follows it. Throws <see cref="JsonReaderException"/> on anything else.
    /// </summary>
    public bool Read()
    {
        if (state == Finished)
        {
            tokenType = JsonTokenType.None;
            return false;
        }

        SkipWhitespace();
        int next = Peek(position);
        if (state == AfterValue) return ReadAfterValue(next);

        if (state == ExpectingFirstMemberOrEnd && next == '}') EndContainer(JsonTokenType.EndObject);
        else if (state == ExpectingFirstMemberOrEnd) ReadPropertyName();
        else if (state == ExpectingFirstElementOrEnd && next == ']') EndContainer(JsonTokenType.EndArray);
        else ReadValue();

        return true;
    }

    bool ReadAfterValue(int next)
    {
        if (depth == 0)
        {
            if (next >= 0) Fail("unexpected data after the end of the document", position);

            state = Finished;
            tokenType = JsonTokenType.None;
            return false;
        }

        bool inObject = (objectLevels & (1U << (depth - 1))) != 0;
        if (next < 0) FailAtEnd(inObject ? ", expected ',' or '}'" : ", expected ',' or ']'", position);

        if (next == ',')
        {
            position++;
            SkipWhitespace();
            if (inObject)
            {
                ReadPropertyName();
                return true;
            }

            if (Peek(position) == ']') Fail("expected a value (trailing commas are not allowed)", position);

            ReadValue();
            return true;
        }

        if (next != (inObject ? '}' : ']'))
            Fail(inObject ? "expected ',' or '}' after a member's value" : "expected ',' or ']' after an array element", position);

        EndContainer(inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
        return true;
    }

    void ReadPropertyName()
    {
        int next = Peek(position);
        if (next < 0) FailAtEnd(", expected a property name", position);

        if (next != '"')
            Fail(next == '}' ? "expected a property name (trailing commas are not allowed)" : "expected a property name in double quotes", position);

        ScanString();
        tokenType = JsonTokenType.PropertyName;
        SkipWhitespace();
        next = Peek(position);
        if (next < 0) FailAtEnd(", expected ':'", position);

        if (next != ':') Fail("expected ':' after a property name", position);

        position++;
        state = ExpectingValue;
    }

    void ReadValue()
    {
        int next = Peek(position);
        if (next < 0) FailAtEnd(", expected a value", position);

        if (next == '{' || next == '[')
        {
            StartContainer(next == '{');
            return;
        }

        if (next == '"')
        {
            ScanString();
            tokenType = JsonTokenType.String;
        }
        else if (next == '-' || IsDigit(next)) ScanNumber();
        else if (next == 't') ScanLiteral("true", JsonTokenType.True);
        else if (next == 'f') ScanLiteral("false", JsonTokenType.False);
        else if (next == 'n') ScanLiteral("null", JsonTokenType.Null);
        else Fail("expected a value", position);

        state = AfterValue;
    }

    void StartContainer(bool isObject)
    {
        if (depth == MaxDepth) Fail("nesting deeper than 32 levels", position);

        uint bit = 1U << depth;
        objectLevels = isObject ? objectLevels | bit : objectLevels & ~bit;
        state = isObject ? ExpectingFirstMemberOrEnd : ExpectingFirstElementOrEnd;
        tokenType = isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
        depth++;
        position++;
    }

    void EndContainer(JsonTokenType type)
    {
        depth--;
        tokenType = type;
        position++;
        state = AfterValue;
    }

    void SkipWhitespace()
    {
        // The delimiters start with JSON's four whitespace bytes: an index under 4 is whitespace, -1 (none) is not.
        while ((uint)" \n\r\t,]}".IndexOf((char)Peek(position)) < 4) position++;
    }

    /// <summary>The byte at <paramref name="index"/>, or -1 at the end of the document: no end checks scattered about.</summary>
    int Peek(int index) => index < end ? buffer[index] : -1;

    /// <summary>What may follow a number or literal: RFC 8259 has no token that starts right after one.</summary>
    static bool IsDelimiter(int next) => " \n\r\t,]}".IndexOf((char)next) >= 0;

    static bool IsDigit(int next) => next >= '0' && next <= '9';

    /// <summary>"unexpected end of input" and then <paramref name="what"/>: the prefix is stored once for every
    /// refusal at the end of the input.</summary>
    void FailAtEnd(string what, int at)
    {
        Fail("unexpected end of input" + what, at);
    }

    void Fail(string problem, int at)
    {
        state = Finished;
        tokenType = JsonTokenType.None;
        throw new JsonReaderException(problem, buffer, documentStart, at);
    }
}
