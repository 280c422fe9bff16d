using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// A document that is not JSON is refused with the field being read, the problem, and the line, column and byte
/// where it is. Rows: (document, path, message).
/// </summary>
[TestClass]
public class ConfigSyntaxErrorTests
{
    [TestMethod]
    [DataRow("{'broker':{'port':1883,}}", "broker", "broker: invalid JSON: expected a property name (trailing commas are not allowed) at line 1, column 24 (byte 23)")]
    [DataRow("{'broker':{'port':01}}", "broker.port", "broker.port: invalid JSON: invalid number (leading zeros are not allowed) at line 1, column 19 (byte 18)")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5},]}", "sensors[1]", "sensors[1]: invalid JSON: expected a value (trailing commas are not allowed) at line 1, column 70 (byte 69)")]
    public void ReportsASyntaxErrorInsideAFieldWithTheFieldAndThePosition(string document, string path, string message)
    {
        AssertSyntaxError(document, path, message);
    }

    [TestMethod]
    [DataRow("{} x", "(document)", "(document): invalid JSON: unexpected data after the end of the document at line 1, column 4 (byte 3)")]
    [DataRow("", "(document)", "(document): invalid JSON: unexpected end of input, expected a value at line 1, column 1 (byte 0)")]
    [DataRow("{'id':'x'", "(document)", "(document): invalid JSON: unexpected end of input, expected ',' or '}' at line 1, column 10 (byte 9)")]
    [DataRow("{\n  // a comment\n}", "(document)", "(document): invalid JSON: expected a property name in double quotes at line 2, column 3 (byte 4)")]
    public void ReportsASyntaxErrorOfTheWholeDocumentWithThePosition(string document, string path, string message)
    {
        AssertSyntaxError(document, path, message);
    }

    [TestMethod]
    public void RefusesNestingBeyondTheReaderLimitInsideAField()
    {
        string deep = "{'sensors':[" + new string('[', 40) + new string(']', 40) + "]}";

        ConfigException error = ConfigDocument.Refused(Ascii.Json(deep));

        Assert.AreEqual("sensors[0]: expected an object, got an array", error.Message);
    }

    static void AssertSyntaxError(string document, string path, string message)
    {
        ConfigException error = ConfigDocument.Refused(Ascii.Json(document));

        Assert.AreEqual(message, error.Message, "message");
        Assert.AreEqual(path, error.Path, "path");
        Assert.IsTrue(error.Position >= 0, "a syntax error has a position");
    }
}
