using System;

namespace EdgeSensor.Device.Json
{
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
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }

            if (offset < 0 || count < 0 || offset > json.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset and count must lie within json");
            }

            buffer = json;
            documentStart = offset;
            end = offset + count;
            position = offset;
            if (count >= 3 && json[offset] == 0xEF && json[offset + 1] == 0xBB && json[offset + 2] == 0xBF)
            {
                position += 3;
            }

            state = ExpectingValue;
        }

        public JsonTokenType TokenType { get { return tokenType; } }

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
            if (state == AfterValue)
            {
                return ReadAfterValue();
            }

            if (state == ExpectingFirstMemberOrEnd)
            {
                if (position < end && buffer[position] == (byte)'}')
                {
                    EndContainer(JsonTokenType.EndObject);
                    return true;
                }

                ReadPropertyName();
                return true;
            }

            if (state == ExpectingFirstElementOrEnd && position < end && buffer[position] == (byte)']')
            {
                EndContainer(JsonTokenType.EndArray);
                return true;
            }

            ReadValue();
            return true;
        }

        bool ReadAfterValue()
        {
            if (depth == 0)
            {
                if (position < end)
                {
                    Fail("unexpected data after the end of the document", position);
                }

                state = Finished;
                tokenType = JsonTokenType.None;
                return false;
            }

            bool inObject = InObject();
            if (position == end)
            {
                Fail(inObject ? "unexpected end of input, expected ',' or '}'" : "unexpected end of input, expected ',' or ']'", position);
            }

            byte next = buffer[position];
            if (next == (byte)',')
            {
                position++;
                SkipWhitespace();
                if (inObject)
                {
                    ReadPropertyName();
                }
                else
                {
                    if (position < end && buffer[position] == (byte)']')
                    {
                        Fail("expected a value (trailing commas are not allowed)", position);
                    }

                    ReadValue();
                }

                return true;
            }

            if (inObject && next == (byte)'}')
            {
                EndContainer(JsonTokenType.EndObject);
                return true;
            }

            if (!inObject && next == (byte)']')
            {
                EndContainer(JsonTokenType.EndArray);
                return true;
            }

            Fail(inObject ? "expected ',' or '}' after a member's value" : "expected ',' or ']' after an array element", position);
            return false;
        }

        void ReadPropertyName()
        {
            if (position == end)
            {
                Fail("unexpected end of input, expected a property name", position);
            }

            byte next = buffer[position];
            if (next != (byte)'"')
            {
                Fail(next == (byte)'}' ? "expected a property name (trailing commas are not allowed)" : "expected a property name in double quotes", position);
            }

            ScanString();
            tokenType = JsonTokenType.PropertyName;
            SkipWhitespace();
            if (position == end)
            {
                Fail("unexpected end of input, expected ':'", position);
            }

            if (buffer[position] != (byte)':')
            {
                Fail("expected ':' after a property name", position);
            }

            position++;
            state = ExpectingValue;
        }

        void ReadValue()
        {
            if (position == end)
            {
                Fail("unexpected end of input, expected a value", position);
            }

            byte next = buffer[position];
            if (next == (byte)'{')
            {
                StartContainer(JsonTokenType.StartObject);
                return;
            }

            if (next == (byte)'[')
            {
                StartContainer(JsonTokenType.StartArray);
                return;
            }

            if (next == (byte)'"')
            {
                ScanString();
                tokenType = JsonTokenType.String;
            }
            else if (next == (byte)'-' || IsDigit(next))
            {
                ScanNumber();
            }
            else if (next == (byte)'t')
            {
                ScanLiteral("true", JsonTokenType.True);
            }
            else if (next == (byte)'f')
            {
                ScanLiteral("false", JsonTokenType.False);
            }
            else if (next == (byte)'n')
            {
                ScanLiteral("null", JsonTokenType.Null);
            }
            else
            {
                Fail("expected a value", position);
            }

            state = AfterValue;
        }

        void StartContainer(JsonTokenType type)
        {
            if (depth == MaxDepth)
            {
                Fail("nesting deeper than 32 levels", position);
            }

            uint bit = 1U << depth;
            if (type == JsonTokenType.StartObject)
            {
                objectLevels |= bit;
                state = ExpectingFirstMemberOrEnd;
            }
            else
            {
                objectLevels &= ~bit;
                state = ExpectingFirstElementOrEnd;
            }

            depth++;
            tokenType = type;
            position++;
        }

        void EndContainer(JsonTokenType type)
        {
            depth--;
            tokenType = type;
            position++;
            state = AfterValue;
        }

        bool InObject()
        {
            return (objectLevels & (1U << (depth - 1))) != 0;
        }

        void SkipWhitespace()
        {
            while (position < end)
            {
                byte next = buffer[position];
                if (next != (byte)' ' && next != (byte)'\n' && next != (byte)'\r' && next != (byte)'\t')
                {
                    return;
                }

                position++;
            }
        }

        void Fail(string problem, int at)
        {
            state = Finished;
            tokenType = JsonTokenType.None;
            throw new JsonReaderException(problem, buffer, documentStart, at);
        }
    }
}
