using System;
using EdgeSensor.Device.Json;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>RFC 8259 conformance of the strict pull tokenizer: the tokens it reads and the values it decodes.</summary>
[TestClass]
public class JsonReaderTokenTests
{
    [TestMethod]
    public void ReadsEveryTokenTypeInOrder()
    {
        Assert.AreEqual(
            "StartObject|PropertyName:a|StartArray|Number:1|Number:-2.5e+3|True|False|Null|String:x|StartObject|EndObject|StartArray|EndArray|EndArray|PropertyName:b|String:|EndObject",
            ReaderTokens.Read("{\"a\":[1,-2.5e+3,true,false,null,\"x\",{},[]],\"b\":\"\"}"), "tokens");
    }

    [TestMethod]
    [DataRow("1", "Number:1")]
    [DataRow("\"s\"", "String:s")]
    [DataRow("true", "True")]
    [DataRow("null", "Null")]
    [DataRow(" \t\r\n-0 \t\r\n", "Number:-0")]
    public void AcceptsAScalarAsTheWholeDocumentRfc8259Section2(string json, string token)
    {
        Assert.AreEqual(token, ReaderTokens.Read(json));
    }

    [TestMethod]
    public void AcceptsTheFourWhitespaceCharactersBetweenAllTokens()
    {
        Assert.AreEqual(ReaderTokens.Read("{\"a\":[1,{\"b\":null}]}"), ReaderTokens.Read(" \n{ \r\"a\"\t: \n[ 1 ,\t{ \"b\" : null } ] }\r\n "), "tokens");
    }

    [TestMethod]
    public void ReadReturnsFalseAtTheEndAndKeepsReturningFalse()
    {
        JsonReader reader = new JsonReader(Utf8Text.Bytes("[]"), 0, 2);
        Assert.IsTrue(reader.Read(), "[");
        Assert.IsTrue(reader.Read(), "]");
        Assert.IsFalse(reader.Read(), "the end");
        Assert.AreEqual((int)JsonTokenType.None, (int)reader.TokenType, "no token after the end");
        Assert.IsFalse(reader.Read(), "still the end");
    }

    [TestMethod]
    public void AcceptsEveryWellFormedUtf8LengthIncludingTheExtremes()
    {
        // U+10000 and U+10FFFF (the first and last supplementary characters) and an emoji are written as bytes.
        string text = "A\u007F\u0080\u07FF\u0800\uD7FF\uE000\uFFFF\U00010000\U0010FFFF€😀é";
        byte[] json = Utf8Text.Bytes("\"A\u007F\u0080\u07FF\u0800\uD7FF\uE000\uFFFF<f0 90 80 80><f4 8f bf bf>€<f0 9f 98 80>é\"");

        Assert.AreEqual("String:" + text, ReaderTokens.Read(json));
    }

    [TestMethod]
    public void DecodesEveryEscapeRfc8259Section7()
    {
        Assert.AreEqual("String:\"\\/\b\f\n\r\t", ReaderTokens.Read("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""), "tokens");
    }

    [TestMethod]
    [DataRow("\\u0041", "A")]
    [DataRow("\\u00e9\\u00E9", "éé")]
    [DataRow("\\u20AC", "€")]
    [DataRow("\\u001F", "\u001F")]
    [DataRow("\\uFFFF", "\uFFFF")]
    [DataRow("\\uD83D\\uDE00", "😀")]
    [DataRow("\\uDBFF\\uDFFF", "\U0010FFFF")]
    [DataRow("a\\uD834\\uDD1Eb", "a𝄞b")]
    public void DecodesUEscapesAndSurrogatePairs(string escaped, string decoded)
    {
        Assert.AreEqual("String:" + decoded, ReaderTokens.Read("\"" + escaped + "\""));
    }

    [TestMethod]
    public void LeavesAStringUndecodedUntilAskedAndDecodesItAsOftenAsAsked()
    {
        JsonReader reader = new JsonReader(Utf8Text.Bytes("[\"caf\\u00e9\"]"), 0, 13);
        reader.Read();
        reader.Read();

        Assert.AreEqual("café", reader.GetString(), "first");
        Assert.AreEqual("café", reader.GetString(), "second");
    }

    [TestMethod]
    [DataRow("\"host\"", "host", true)]
    [DataRow("\"ho\\u0073t\"", "host", true)]
    [DataRow("\"hos\"", "host", false)]
    [DataRow("\"hostx\"", "host", false)]
    [DataRow("\"Host\"", "host", false)]
    [DataRow("\"\"", "", true)]
    [DataRow("\"\"", "a", false)]
    [DataRow("\"<f0 9f 98 80>\"", "😀", true)]
    [DataRow("\"\\uD83D\\uDE00\"", "😀", true)]
    [DataRow("\"<f0 9f 98 80>\"", "\uD83D", false)]
    [DataRow("\"é\"", "e", false)]
    public void TextEqualsComparesTheDecodedText(string json, string text, bool equal)
    {
        Assert.AreEqual(equal, ReaderTokens.OnFirstToken(json).TextEquals(text));
    }

    [TestMethod]
    [DataRow("0", 0)]
    [DataRow("-0", 0)]
    [DataRow("7", 7)]
    [DataRow("-42", -42)]
    [DataRow("1883", 1883)]
    [DataRow("2147483647", int.MaxValue)]
    [DataRow("-2147483648", int.MinValue)]
    public void TryGetInt32ReadsIntegersThatFit(string json, int expected)
    {
        int value;
        Assert.IsTrue(ReaderTokens.OnFirstToken(json).TryGetInt32(out value), "fits");
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    [DataRow("2147483648")]
    [DataRow("-2147483649")]
    [DataRow("99999999999")]
    [DataRow("12345678901234567890")]
    [DataRow("1.0")]
    [DataRow("1e2")]
    [DataRow("0.5")]
    public void TryGetInt32RefusesFractionsExponentsAndOverflow(string json)
    {
        int value;
        Assert.IsFalse(ReaderTokens.OnFirstToken(json).TryGetInt32(out value));
    }

    [TestMethod]
    public void SkipsALeadingByteOrderMark()
    {
        Assert.AreEqual("StartObject|EndObject", ReaderTokens.Read(Utf8Text.Hex("ef bb bf 7b 7d")), "tokens");
    }

    [TestMethod]
    public void RefusesAByteOrderMarkAfterWhitespace()
    {
        Assert.AreEqual("expected a value", ReaderTokens.Problem(ReaderTokens.ReadFails(Utf8Text.Hex("20 ef bb bf 7b 7d"))), "problem");
    }

    [TestMethod]
    public void ReadsOnlyItsSliceOfTheBufferAndCountsPositionsFromTheSlice()
    {
        byte[] buffer = Utf8Text.Bytes("xx[1,]yy");
        JsonReader reader = new JsonReader(buffer, 2, 4);
        reader.Read();
        Assert.AreEqual((int)JsonTokenType.StartArray, (int)reader.TokenType, "[");
        reader.Read();
        Assert.AreEqual("1", reader.GetNumberText(), "1");

        JsonReaderException error = null;
        try
        {
            reader.Read();
        }
        catch (JsonReaderException e)
        {
            error = e;
        }
        Assert.IsNotNull(error, "the trailing comma is refused");
        Assert.AreEqual(3, error.Position, "position in the slice");
    }

    [TestMethod]
    public void ReadsAWholeObjectInTheMiddleOfABuffer()
    {
        JsonReader whole = new JsonReader(Utf8Text.Bytes("xx{}yy"), 2, 2);
        Assert.IsTrue(whole.Read(), "{");
        Assert.IsTrue(whole.Read(), "}");
        Assert.IsFalse(whole.Read(), "the end of the slice");
    }

    [TestMethod]
    public void RefusesANullBuffer()
    {
        Assert.ThrowsException(typeof(ArgumentNullException), () => new JsonReader(null, 0, 0));
    }

    [TestMethod]
    public void RefusesASliceOutsideTheBuffer()
    {
        byte[] buffer = new byte[4];
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new JsonReader(buffer, 3, 2), "past the end");
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new JsonReader(buffer, -1, 1), "negative offset");
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new JsonReader(buffer, 0, -1), "negative count");
    }

    [TestMethod]
    public void StringAccessorsRefuseANumber()
    {
        JsonReader reader = ReaderTokens.OnFirstToken("1");
        Assert.ThrowsException(typeof(InvalidOperationException), () => reader.GetString(), "GetString");
        Assert.ThrowsException(typeof(InvalidOperationException), () => reader.TextEquals("1"), "TextEquals");
    }

    [TestMethod]
    public void NumberAccessorsRefuseAString()
    {
        JsonReader onString = ReaderTokens.OnFirstToken("\"1\"");
        int value;
        Assert.ThrowsException(typeof(InvalidOperationException), () => onString.TryGetInt32(out value), "TryGetInt32");
        Assert.ThrowsException(typeof(InvalidOperationException), () => onString.GetNumberText(), "GetNumberText");
    }
}
