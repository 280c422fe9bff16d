using System;
using EdgeSensor.Device.Json;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>
/// What RFC 8259 does not allow is refused, with the problem and the byte where it is (0-based, from the start of
/// the document). Rows: (document, position, problem); a raw byte that a string cannot carry is written &lt;00&gt;.
/// </summary>
[TestClass]
public class JsonReaderRefusalTests
{
    [TestMethod]
    [DataRow("", 0, "unexpected end of input, expected a value")]
    [DataRow("   ", 3, "unexpected end of input, expected a value")]
    [DataRow("{", 1, "unexpected end of input, expected a property name")]
    [DataRow("{\"a\"", 4, "unexpected end of input, expected ':'")]
    [DataRow("{\"a\":", 5, "unexpected end of input, expected a value")]
    [DataRow("{\"a\":1", 6, "unexpected end of input, expected ',' or '}'")]
    [DataRow("[1", 2, "unexpected end of input, expected ',' or ']'")]
    public void RefusesTheEndOfInputBetweenTokens(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("\"abc", 4, "unexpected end of input inside a string")]
    [DataRow("\"a\\", 3, "unexpected end of input inside a string")]
    [DataRow("\"\\u00", 5, "unexpected end of input inside a string")]
    [DataRow("\"\\uD83D", 7, "unexpected end of input inside a string")]
    [DataRow("\"\\uD83D\\", 8, "unexpected end of input inside a string")]
    public void RefusesTheEndOfInputInsideAString(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("tr", 2, "unexpected end of input inside a literal")]
    [DataRow("nul", 3, "unexpected end of input inside a literal")]
    [DataRow("-", 1, "unexpected end of input inside a number")]
    [DataRow("1.", 2, "unexpected end of input inside a number")]
    [DataRow("1e", 2, "unexpected end of input inside a number")]
    [DataRow("1e+", 3, "unexpected end of input inside a number")]
    public void RefusesTheEndOfInputInsideANumberOrLiteral(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("[1,]", 3, "expected a value (trailing commas are not allowed)")]
    [DataRow("{\"a\":1,}", 7, "expected a property name (trailing commas are not allowed)")]
    public void RefusesTrailingCommas(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("{,}", 1, "expected a property name in double quotes")]
    [DataRow("{a:1}", 1, "expected a property name in double quotes")]
    [DataRow("{'a':1}", 1, "expected a property name in double quotes")]
    [DataRow("['a']", 1, "expected a value")]
    public void RefusesNamesAndStringsOutsideDoubleQuotes(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("[,1]", 1, "expected a value")]
    [DataRow("{\"a\" 1}", 5, "expected ':' after a property name")]
    [DataRow("{\"a\"::1}", 5, "expected a value")]
    [DataRow("[1 2]", 3, "expected ',' or ']' after an array element")]
    [DataRow("{\"a\":1 \"b\":2}", 7, "expected ',' or '}' after a member's value")]
    public void RefusesMissingAndExtraSeparators(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("[1}", 2, "expected ',' or ']' after an array element")]
    [DataRow("{\"a\":1]", 6, "expected ',' or '}' after a member's value")]
    [DataRow("]", 0, "expected a value")]
    public void RefusesMismatchedBrackets(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("{}}", 2, "unexpected data after the end of the document")]
    [DataRow("{} {}", 3, "unexpected data after the end of the document")]
    [DataRow("1 2", 2, "unexpected data after the end of the document")]
    public void RefusesDataAfterTheDocument(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("// comment\n{}", 0, "expected a value")]
    [DataRow("{/* comment */}", 1, "expected a property name in double quotes")]
    [DataRow("[1,/*x*/2]", 3, "expected a value")]
    public void RefusesComments(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("01", 0, "invalid number (leading zeros are not allowed)")]
    [DataRow("-01", 0, "invalid number (leading zeros are not allowed)")]
    [DataRow("+1", 0, "expected a value")]
    [DataRow(".5", 0, "expected a value")]
    [DataRow("--1", 1, "invalid number (expected a digit)")]
    public void RefusesLeadingZerosAndSignsRfc8259Section6(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("1.e3", 2, "invalid number (expected a digit after the decimal point)")]
    [DataRow("1e+-3", 3, "invalid number (expected a digit in the exponent)")]
    public void RefusesAFractionOrExponentWithoutDigits(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("0x10", 1, "invalid number (unexpected character after it)")]
    [DataRow("1.5.2", 3, "invalid number (unexpected character after it)")]
    [DataRow("[1a]", 2, "invalid number (unexpected character after it)")]
    public void RefusesCharactersRightAfterANumber(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("NaN", 0, "expected a value")]
    [DataRow("Infinity", 0, "expected a value")]
    [DataRow("-Infinity", 1, "invalid number (expected a digit)")]
    public void RefusesNaNAndInfinity(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("True", 0, "expected a value")]
    [DataRow("nulL", 0, "invalid literal (expected true, false or null)")]
    [DataRow("truex", 0, "invalid literal (expected true, false or null)")]
    [DataRow("[true1]", 1, "invalid literal (expected true, false or null)")]
    public void RefusesMisspeltLiterals(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("\"a\tb\"", 2, "control character in a string (it must be written as an escape)")]
    [DataRow("\"a\nb\"", 2, "control character in a string (it must be written as an escape)")]
    [DataRow("\"<00>\"", 1, "control character in a string (it must be written as an escape)")]
    [DataRow("\"\u001f\"", 1, "control character in a string (it must be written as an escape)")]
    public void RefusesRawControlCharactersInStrings(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("\"\\x\"", 1, "invalid escape sequence in a string")]
    [DataRow("\"\\'\"", 1, "invalid escape sequence in a string")]
    [DataRow("\"\\U0041\"", 1, "invalid escape sequence in a string")]
    [DataRow("\"\\u12G4\"", 1, "invalid \\u escape in a string (it needs four hex digits)")]
    [DataRow("\"\\u12\"", 1, "invalid \\u escape in a string (it needs four hex digits)")]
    public void RefusesInvalidEscapes(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("\"\\uDC00\"", 1, "unpaired surrogate escape in a string (a low surrogate without a high one)")]
    [DataRow("\"\\uD800\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
    [DataRow("\"\\uD800x\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
    [DataRow("\"\\uD800\\n\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
    [DataRow("\"\\uD800\\u0041\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
    [DataRow("\"\\uD800\\uD800\"", 1, "unpaired surrogate escape in a string (a high surrogate without a low one)")]
    public void RefusesUnpairedSurrogateEscapes(string json, int position, string problem)
    {
        AssertRefused(json, position, problem);
    }

    [TestMethod]
    [DataRow("22 80 22", 1)]                // a continuation byte without a lead
    [DataRow("22 c0 80 22", 1)]             // overlong U+0000
    [DataRow("22 c1 bf 22", 1)]             // overlong U+007F
    [DataRow("22 e0 80 80 22", 1)]          // overlong three-byte form
    [DataRow("22 ed a0 80 22", 1)]          // an encoded surrogate (U+D800)
    [DataRow("22 f0 80 80 80 22", 1)]       // overlong four-byte form
    [DataRow("22 f4 90 80 80 22", 1)]       // above U+10FFFF
    [DataRow("22 f5 80 80 80 22", 1)]
    [DataRow("22 fe 22", 1)]
    [DataRow("22 ff 22", 1)]
    [DataRow("22 61 e2 82 22", 2)]          // a three-byte sequence cut short by the quote
    [DataRow("22 c3 41 22", 1)]             // a lead followed by ASCII
    [DataRow("22 e2 82", 1)]                // cut short by the end of input
    public void RefusesInvalidUtf8InStringsRfc8259Section8_1(string hex, int position)
    {
        JsonReaderException error = ReaderTokens.ReadFails(Utf8Text.Hex(hex));

        Assert.AreEqual("invalid UTF-8 in a string", ReaderTokens.Problem(error));
        Assert.AreEqual(position, error.Position, "position");
    }

    [TestMethod]
    public void RefusesNonAsciiWhereAValueBelongs()
    {
        Assert.AreEqual("expected a value", ReaderTokens.Problem(ReaderTokens.ReadFails(Utf8Text.Hex("5b c3 a9 5d"))), "problem");
    }

    [TestMethod]
    public void RefusesNonAsciiWhereAPropertyNameBelongs()
    {
        Assert.AreEqual("expected a property name in double quotes", ReaderTokens.Problem(ReaderTokens.ReadFails(Utf8Text.Hex("7b ef bb bf 7d"))), "problem");
    }

    [TestMethod]
    public void AcceptsNestingUpToTheDepthLimit()
    {
        int limit = JsonReader.MaxDepth;
        string arrays = new string('[', limit) + new string(']', limit);
        string objects = "";
        for (int level = 0; level < limit - 1; level++) objects += "{\"a\":";
        objects += "{}" + new string('}', limit - 1);

        Assert.AreEqual(2 * limit, CountTokens(Utf8Text.Bytes(arrays)), "arrays");
        Assert.AreEqual(3 * limit - 1, CountTokens(Utf8Text.Bytes(objects)), "objects");
    }

    [TestMethod]
    public void RefusesOneLevelMoreThanTheDepthLimit()
    {
        int limit = JsonReader.MaxDepth;
        JsonReaderException error = ReaderTokens.ReadFails(Utf8Text.Bytes("[" + new string('[', limit) + new string(']', limit) + "]"));

        Assert.AreEqual("nesting deeper than 32 levels", ReaderTokens.Problem(error));
        Assert.AreEqual(limit, error.Position, "position");
    }

    [TestMethod]
    public void RefusesEveryTruncationOfADocument()
    {
        byte[] json = Utf8Text.Bytes("{\"a\":[1,-2.5e3,true,false,null,\"x\\u00e9\\uD83D\\uDE00é<f0 9f 98 80>\"],\"b\":{}}");
        for (int length = 0; length < json.Length; length++)
        {
            byte[] truncated = new byte[length];
            Array.Copy(json, truncated, length);
            JsonReaderException error = ReaderTokens.ReadFails(truncated);
            Assert.IsTrue(error.Position <= length, "truncated at " + length.ToString());
        }
    }

    [TestMethod]
    public void ReportsLineAndColumnCountedInCharacters()
    {
        JsonReaderException error = ReaderTokens.ReadFails(Utf8Text.Bytes("{\n  \"é€<f0 9f 98 80>\": 1,\n  \"b\": tru }"));

        Assert.AreEqual("invalid literal (expected true, false or null) at line 3, column 8 (byte " + error.Position.ToString() + ")", error.Message);
    }

    static void AssertRefused(string json, int position, string problem)
    {
        JsonReaderException error = ReaderTokens.ReadFails(Utf8Text.Bytes(json));

        Assert.AreEqual(problem, ReaderTokens.Problem(error));
        Assert.AreEqual(position, error.Position, "position");
    }

    static int CountTokens(byte[] json)
    {
        JsonReader reader = new JsonReader(json, 0, json.Length);
        int tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }
}
