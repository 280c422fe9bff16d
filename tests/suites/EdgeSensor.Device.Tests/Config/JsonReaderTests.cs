using System;
using System.Globalization;
using System.Linq;
using System.Text;
using EdgeSensor.Device.Json;
using Xunit;

namespace EdgeSensor.Device.Tests.Config
{
    /// <summary>RFC 8259 conformance of the strict pull tokenizer: what it accepts, what it refuses and where.</summary>
    [Collection(EdgeSensor.Device.Tests.AllocationCollection.Name)]
    public class JsonReaderTests
    {
        [Fact]
        public void Reads_every_token_type_in_order()
        {
            Assert.Equal(
                new[]
                {
                    "StartObject", "PropertyName:a", "StartArray", "Number:1", "Number:-2.5e+3", "True", "False", "Null",
                    "String:x", "StartObject", "EndObject", "StartArray", "EndArray", "EndArray", "PropertyName:b", "String:", "EndObject",
                },
                JsonTokens.Read("{\"a\":[1,-2.5e+3,true,false,null,\"x\",{},[]],\"b\":\"\"}"));
        }

        [Theory]
        [InlineData("1", "Number:1")]
        [InlineData("\"s\"", "String:s")]
        [InlineData("true", "True")]
        [InlineData("null", "Null")]
        [InlineData(" \t\r\n-0 \t\r\n", "Number:-0")]
        public void Accepts_a_scalar_as_the_whole_document_RFC8259_section_2(string json, string token)
        {
            Assert.Equal(new[] { token }, JsonTokens.Read(json));
        }

        [Fact]
        public void Accepts_the_four_whitespace_characters_between_all_tokens()
        {
            Assert.Equal(JsonTokens.Read("{\"a\":[1,{\"b\":null}]}"), JsonTokens.Read(" \n{ \r\"a\"\t: \n[ 1 ,\t{ \"b\" : null } ] }\r\n "));
        }

        [Fact]
        public void Read_returns_false_at_the_end_and_keeps_returning_false()
        {
            var reader = new JsonReader(JsonTokens.Utf8("[]"), 0, 2);
            Assert.True(reader.Read());
            Assert.True(reader.Read());
            Assert.False(reader.Read());
            Assert.Equal(JsonTokenType.None, reader.TokenType);
            Assert.False(reader.Read());
        }

        [Theory]
        [InlineData("", 0, "unexpected end of input, expected a value")]
        [InlineData("   ", 3, "unexpected end of input, expected a value")]
        [InlineData("{", 1, "unexpected end of input, expected a property name")]
        [InlineData("{\"a\"", 4, "unexpected end of input, expected ':'")]
        [InlineData("{\"a\":", 5, "unexpected end of input, expected a value")]
        [InlineData("{\"a\":1", 6, "unexpected end of input, expected ',' or '}'")]
        [InlineData("[1", 2, "unexpected end of input, expected ',' or ']'")]
        [InlineData("\"abc", 4, "unexpected end of input inside a string")]
        [InlineData("\"a\\", 3, "unexpected end of input inside a string")]
        [InlineData("\"\\u00", 5, "unexpected end of input inside a string")]
        [InlineData("\"\\uD83D", 7, "unexpected end of input inside a string")]
        [InlineData("\"\\uD83D\\", 8, "unexpected end of input inside a string")]
        [InlineData("tr", 2, "unexpected end of input inside a literal")]
        [InlineData("-", 1, "unexpected end of input inside a number")]
        [InlineData("1.", 2, "unexpected end of input inside a number")]
        [InlineData("1e", 2, "unexpected end of input inside a number")]
        [InlineData("1e+", 3, "unexpected end of input inside a number")]
        [InlineData("[1,]", 3, "expected a value (trailing commas are not allowed)")]
        [InlineData("{\"a\":1,}", 7, "expected a property name (trailing commas are not allowed)")]
        [InlineData("[,1]", 1, "expected a value")]
        [InlineData("{,}", 1, "expected a property name in double quotes")]
        [InlineData("{a:1}", 1, "expected a property name in double quotes")]
        [InlineData("{'a':1}", 1, "expected a property name in double quotes")]
        [InlineData("['a']", 1, "expected a value")]
        [InlineData("{\"a\" 1}", 5, "expected ':' after a property name")]
        [InlineData("{\"a\"::1}", 5, "expected a value")]
        [InlineData("[1 2]", 3, "expected ',' or ']' after an array element")]
        [InlineData("{\"a\":1 \"b\":2}", 7, "expected ',' or '}' after a member's value")]
        [InlineData("[1}", 2, "expected ',' or ']' after an array element")]
        [InlineData("{\"a\":1]", 6, "expected ',' or '}' after a member's value")]
        [InlineData("]", 0, "expected a value")]
        [InlineData("{}}", 2, "unexpected data after the end of the document")]
        [InlineData("{} {}", 3, "unexpected data after the end of the document")]
        [InlineData("1 2", 2, "unexpected data after the end of the document")]
        [InlineData("// comment\n{}", 0, "expected a value")]
        [InlineData("{/* comment */}", 1, "expected a property name in double quotes")]
        [InlineData("[1,/*x*/2]", 3, "expected a value")]
        [InlineData("01", 0, "invalid number (leading zeros are not allowed)")]
        [InlineData("-01", 0, "invalid number (leading zeros are not allowed)")]
        [InlineData("+1", 0, "expected a value")]
        [InlineData(".5", 0, "expected a value")]
        [InlineData("--1", 1, "invalid number (expected a digit)")]
        [InlineData("1.e3", 2, "invalid number (expected a digit after the decimal point)")]
        [InlineData("1e+-3", 3, "invalid number (expected a digit in the exponent)")]
        [InlineData("0x10", 1, "invalid number (unexpected character after it)")]
        [InlineData("1.5.2", 3, "invalid number (unexpected character after it)")]
        [InlineData("[1a]", 2, "invalid number (unexpected character after it)")]
        [InlineData("NaN", 0, "expected a value")]
        [InlineData("Infinity", 0, "expected a value")]
        [InlineData("-Infinity", 1, "invalid number (expected a digit)")]
        [InlineData("True", 0, "expected a value")]
        [InlineData("nul", 3, "unexpected end of input inside a literal")]
        [InlineData("nulL", 0, "invalid literal (expected true, false or null)")]
        [InlineData("truex", 0, "invalid literal (expected true, false or null)")]
        [InlineData("[true1]", 1, "invalid literal (expected true, false or null)")]
        [InlineData("\"a\tb\"", 2, "control character in a string (it must be written as an escape)")]
        [InlineData("\"a\nb\"", 2, "control character in a string (it must be written as an escape)")]
        [InlineData("\"\u0000\"", 1, "control character in a string (it must be written as an escape)")]
        [InlineData("\"\u001f\"", 1, "control character in a string (it must be written as an escape)")]
        [InlineData("\"\\x\"", 1, "invalid escape sequence in a string")]
        [InlineData("\"\\'\"", 1, "invalid escape sequence in a string")]
        [InlineData("\"\\U0041\"", 1, "invalid escape sequence in a string")]
        [InlineData("\"\\u12G4\"", 1, "invalid \\u escape in a string (it needs four hex digits)")]
        [InlineData("\"\\u12\"", 1, "invalid \\u escape in a string (it needs four hex digits)")]
        [InlineData("\"\\uDC00\"", 1, "unpaired surrogate escape in a string (a low surrogate without a high one)")]
        [InlineData("\"\\uD800\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
        [InlineData("\"\\uD800x\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
        [InlineData("\"\\uD800\\n\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
        [InlineData("\"\\uD800\\u0041\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
        [InlineData("\"\\uD800\\uD800\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
        public void Refuses_what_RFC8259_does_not_allow_at_the_right_byte(string json, int position, string problem)
        {
            JsonReaderException error = ReadFails(JsonTokens.Utf8(json));

            Assert.Equal(problem, Problem(error));
            Assert.Equal(position, error.Position);
        }

        [Theory]
        [InlineData(new byte[] { 0x22, 0x80, 0x22 }, 1)]                // a continuation byte without a lead
        [InlineData(new byte[] { 0x22, 0xC0, 0x80, 0x22 }, 1)]          // overlong U+0000
        [InlineData(new byte[] { 0x22, 0xC1, 0xBF, 0x22 }, 1)]          // overlong U+007F
        [InlineData(new byte[] { 0x22, 0xE0, 0x80, 0x80, 0x22 }, 1)]    // overlong three-byte form
        [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 }, 1)]    // an encoded surrogate (U+D800)
        [InlineData(new byte[] { 0x22, 0xF0, 0x80, 0x80, 0x80, 0x22 }, 1)] // overlong four-byte form
        [InlineData(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 }, 1)] // above U+10FFFF
        [InlineData(new byte[] { 0x22, 0xF5, 0x80, 0x80, 0x80, 0x22 }, 1)]
        [InlineData(new byte[] { 0x22, 0xFE, 0x22 }, 1)]
        [InlineData(new byte[] { 0x22, 0xFF, 0x22 }, 1)]
        [InlineData(new byte[] { 0x22, 0x61, 0xE2, 0x82, 0x22 }, 2)]    // a three-byte sequence cut short by the quote
        [InlineData(new byte[] { 0x22, 0xC3, 0x41, 0x22 }, 1)]          // a lead followed by ASCII
        [InlineData(new byte[] { 0x22, 0xE2, 0x82 }, 1)]                // cut short by the end of input
        public void Refuses_invalid_UTF8_in_strings_RFC8259_section_8_1(byte[] json, int position)
        {
            JsonReaderException error = ReadFails(json);

            Assert.Equal("invalid UTF-8 in a string", Problem(error));
            Assert.Equal(position, error.Position);
        }

        [Fact]
        public void Refuses_non_ASCII_outside_strings()
        {
            Assert.Equal("expected a value", Problem(ReadFails(new byte[] { 0x5B, 0xC3, 0xA9, 0x5D })));
            Assert.Equal("expected a property name in double quotes", Problem(ReadFails(new byte[] { 0x7B, 0xEF, 0xBB, 0xBF, 0x7D })));
        }

        [Fact]
        public void Accepts_every_well_formed_UTF8_length_including_the_extremes()
        {
            string text = "A\u007F\u0080\u07FF\u0800\uD7FF\uE000\uFFFF\U00010000\U0010FFFF€😀é";

            Assert.Equal(new[] { "String:" + text }, JsonTokens.Read("\"" + text + "\""));
        }

        [Fact]
        public void Decodes_every_escape_RFC8259_section_7()
        {
            Assert.Equal(
                new[] { "String:\"\\/\b\f\n\r\t" },
                JsonTokens.Read("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        }

        [Theory]
        [InlineData("\\u0041", "A")]
        [InlineData("\\u00e9\\u00E9", "éé")]
        [InlineData("\\u20AC", "€")]
        [InlineData("\\u0000", "\0")]
        [InlineData("\\u001F", "\u001F")]
        [InlineData("\\uFFFF", "\uFFFF")]
        [InlineData("\\uD83D\\uDE00", "😀")]
        [InlineData("\\uDBFF\\uDFFF", "\U0010FFFF")]
        [InlineData("a\\uD834\\uDD1Eb", "a𝄞b")]
        public void Decodes_u_escapes_and_surrogate_pairs(string escaped, string decoded)
        {
            Assert.Equal(new[] { "String:" + decoded }, JsonTokens.Read("\"" + escaped + "\""));
        }

        [Fact]
        public void Leaves_a_string_undecoded_until_asked_and_decodes_it_as_often_as_asked()
        {
            var reader = new JsonReader(JsonTokens.Utf8("[\"caf\\u00e9\"]"), 0, 13);
            reader.Read();
            reader.Read();

            Assert.Equal("café", reader.GetString());
            Assert.Equal("café", reader.GetString());
        }

        [Theory]
        [InlineData("\"host\"", "host", true)]
        [InlineData("\"ho\\u0073t\"", "host", true)]
        [InlineData("\"hos\"", "host", false)]
        [InlineData("\"hostx\"", "host", false)]
        [InlineData("\"Host\"", "host", false)]
        [InlineData("\"\"", "", true)]
        [InlineData("\"\"", "a", false)]
        [InlineData("\"😀\"", "😀", true)]
        [InlineData("\"\\uD83D\\uDE00\"", "😀", true)]
        [InlineData("\"😀\"", "\uD83D", false)]
        [InlineData("\"é\"", "e", false)]
        public void TextEquals_compares_the_decoded_text(string json, string text, bool equal)
        {
            var reader = new JsonReader(JsonTokens.Utf8(json), 0, Encoding.UTF8.GetByteCount(json));
            reader.Read();

            Assert.Equal(equal, reader.TextEquals(text));
        }

        [Theory]
        [InlineData("0", 0)]
        [InlineData("-0", 0)]
        [InlineData("7", 7)]
        [InlineData("-42", -42)]
        [InlineData("1883", 1883)]
        [InlineData("2147483647", int.MaxValue)]
        [InlineData("-2147483648", int.MinValue)]
        public void TryGetInt32_reads_integers_that_fit(string json, int expected)
        {
            JsonReader reader = OnFirstToken(json);

            Assert.True(reader.TryGetInt32(out int value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("2147483648")]
        [InlineData("-2147483649")]
        [InlineData("99999999999")]
        [InlineData("12345678901234567890")]
        [InlineData("1.0")]
        [InlineData("1e2")]
        [InlineData("0.5")]
        public void TryGetInt32_refuses_fractions_exponents_and_overflow(string json)
        {
            Assert.False(OnFirstToken(json).TryGetInt32(out _));
        }

        [Fact]
        public void Accepts_nesting_up_to_the_depth_limit_and_refuses_one_level_more()
        {
            int limit = JsonReader.MaxDepth;
            string arrays = new string('[', limit) + new string(']', limit);
            string objects = string.Concat(Enumerable.Repeat("{\"a\":", limit - 1)) + "{}" + new string('}', limit - 1);

            Assert.Equal(2 * limit, JsonTokens.Read(arrays).Count);
            Assert.Equal(3 * limit - 1, JsonTokens.Read(objects).Count);

            JsonReaderException error = ReadFails(JsonTokens.Utf8("[" + arrays + "]"));
            Assert.Equal("nesting deeper than 32 levels", Problem(error));
            Assert.Equal(limit, error.Position);
        }

        [Fact]
        public void Refuses_a_hostile_depth_quickly_without_recursion()
        {
            byte[] json = Encoding.ASCII.GetBytes(new string('[', 1_000_000));

            JsonReaderException error = ReadFails(json);

            Assert.Equal(JsonReader.MaxDepth, error.Position);
        }

        [Fact]
        public void Refuses_every_truncation_of_a_document()
        {
            byte[] json = JsonTokens.Utf8("{\"a\":[1,-2.5e3,true,false,null,\"x\\u00e9\\uD83D\\uDE00é😀\"],\"b\":{}}");
            for (int length = 0; length < json.Length; length++)
            {
                JsonReaderException error = ReadFails(json[..length]);
                Assert.True(error.Position <= length, "truncated at " + length);
            }
        }

        [Fact]
        public void Reports_line_and_column_counted_in_characters()
        {
            JsonReaderException error = ReadFails(JsonTokens.Utf8("{\n  \"é€😀\": 1,\n  \"b\": tru }"));

            Assert.Equal("invalid literal (expected true, false or null) at line 3, column 8 (byte " + error.Position + ")", error.Message);
        }

        [Fact]
        public void Skips_a_leading_byte_order_mark_but_no_other()
        {
            byte[] withBom = new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D };

            Assert.Equal(new[] { "StartObject", "EndObject" }, JsonTokens.Read(withBom));
            Assert.Equal("expected a value", Problem(ReadFails(new byte[] { 0x20, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D })));
        }

        [Fact]
        public void Reads_only_its_slice_of_the_buffer_and_counts_positions_from_the_slice()
        {
            byte[] buffer = JsonTokens.Utf8("xx[1,]yy");
            var reader = new JsonReader(buffer, 2, 4);
            reader.Read();
            Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
            reader.Read();
            Assert.Equal("1", reader.GetNumberText());

            JsonReaderException error = Assert.Throws<JsonReaderException>(() => reader.Read());
            Assert.Equal(3, error.Position);

            var whole = new JsonReader(JsonTokens.Utf8("xx{}yy"), 2, 2);
            Assert.True(whole.Read());
            Assert.True(whole.Read());
            Assert.False(whole.Read());
        }

        [Fact]
        public void Refuses_a_slice_outside_the_buffer()
        {
            byte[] buffer = new byte[4];

            Assert.Throws<ArgumentNullException>(() => new JsonReader(null, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new JsonReader(buffer, 3, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new JsonReader(buffer, -1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new JsonReader(buffer, 0, -1));
        }

        [Fact]
        public void Accessors_refuse_the_wrong_token_type()
        {
            JsonReader reader = OnFirstToken("1");

            Assert.Throws<InvalidOperationException>(() => reader.GetString());
            Assert.Throws<InvalidOperationException>(() => reader.TextEquals("1"));

            JsonReader onString = OnFirstToken("\"1\"");
            Assert.Throws<InvalidOperationException>(() => onString.TryGetInt32(out _));
            Assert.Throws<InvalidOperationException>(() => onString.GetNumberText());
        }

        [Fact]
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
        public void Reading_tokens_allocates_nothing()
        {
            byte[] json = JsonTokens.Utf8("{\"name\":\"caf\\u00e9 😀\",\"values\":[1,-2.5e3,true,false,null],\"nested\":{\"deep\":[[[]]]}}");
            const int Documents = 1000;
            var readers = new JsonReader[Documents + 1];
            for (int index = 0; index < readers.Length; index++)
            {
                readers[index] = new JsonReader(json, 0, json.Length);
            }

            Assert.Equal(22, ReadAllTokens(readers[Documents]));
            long before = GC.GetAllocatedBytesForCurrentThread();
            int tokens = 0;
            for (int index = 0; index < Documents; index++)
            {
                tokens += ReadAllTokens(readers[index]);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(22 * Documents, tokens);
        }

        private static int ReadAllTokens(JsonReader reader)
        {
            int tokens = 0;
            while (reader.Read())
            {
                tokens++;
                if (reader.TokenType == JsonTokenType.PropertyName || reader.TokenType == JsonTokenType.String)
                {
                    reader.TextEquals("values");
                }
                else if (reader.TokenType == JsonTokenType.Number)
                {
                    reader.TryGetInt32(out _);
                }
            }

            return tokens;
        }

        private static JsonReader OnFirstToken(string json)
        {
            byte[] bytes = JsonTokens.Utf8(json);
            var reader = new JsonReader(bytes, 0, bytes.Length);
            Assert.True(reader.Read());
            return reader;
        }

        /// <summary>What is wrong, without the place the message adds (" at line 1, column 2 (byte 1)").</summary>
        private static string Problem(JsonReaderException error)
        {
            return error.Message.Substring(0, error.Message.LastIndexOf(" at line ", StringComparison.Ordinal));
        }

        private static JsonReaderException ReadFails(byte[] json)
        {
            return Assert.Throws<JsonReaderException>(() => JsonTokens.Read(json));
        }
    }
}
