using EdgeSensor.Device.Json;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>
/// U+0000 written as \u0000 is valid JSON, but a nanoFramework string ends at NUL: the reader says whether a token
/// holds one without building a string, so that the configuration can refuse it before any text is compared.
/// </summary>
[TestClass]
public class JsonReaderNulTests
{
    [TestMethod]
    [DataRow("\"\\u0000\"", true)]
    [DataRow("\"a\\u0000b\"", true)]
    [DataRow("\"ab\\u0000\"", true)]
    [DataRow("\"\\u0001\"", false)]
    [DataRow("\"\\u0100\"", false)]
    [DataRow("\"\\\\u0000\"", false)]
    [DataRow("\"\\uD800\\uDC00\"", false)]
    [DataRow("\"\"", false)]
    public void ContainsNulFindsAnEscapedNul(string json, bool nul)
    {
        Assert.AreEqual(nul, ReaderTokens.OnFirstToken(json).ContainsNul());
    }

    [TestMethod]
    public void ContainsNulFindsAnEscapedNulInAPropertyName()
    {
        JsonReader reader = new JsonReader(Utf8Text.Bytes("{\"a\\u0000\":1}"), 0, 13);
        reader.Read();
        reader.Read();
        Assert.AreEqual((int)JsonTokenType.PropertyName, (int)reader.TokenType, "on the name");
        Assert.IsTrue(reader.ContainsNul());
    }

    [TestMethod]
    public void TextEqualsDoesNotMatchAStringCutAtItsNul()
    {
        // Were the token compared as a nanoFramework string, "a\u0000b" would compare equal to "a".
        Assert.IsFalse(ReaderTokens.OnFirstToken("\"a\\u0000b\"").TextEquals("a"), "equal");
    }
}
