using EdgeSensor.Device.Commands;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>How command payloads are read: trimmed of spaces, tabs and line ends; words in any case; small decimal integers.</summary>
[TestClass]
public class CommandPayloadTests
{
    [TestMethod]
    [DataRow("ON", 0, 2)]
    [DataRow("  ON", 2, 2)]
    [DataRow("ON \t\r\n", 0, 2)]
    [DataRow("\t O N \n", 2, 3)]
    [DataRow("    ", 4, 0)]
    [DataRow("", 0, 0)]
    public void TrimNarrowsToTheTextBetweenSpaces(string payload, int offset, int count)
    {
        byte[] bytes = Ascii.Bytes("xx" + payload + "yy");
        int o = 2;
        int c = payload.Length;
        CommandPayload.Trim(bytes, ref o, ref c);
        Assert.AreEqual(2 + offset, o, "offset");
        Assert.AreEqual(count, c, "count");
    }

    [TestMethod]
    public void TrimLeavesOtherWhitespaceAlone()
    {
        byte[] bytes = new byte[] { 0x0B, (byte)'1', 0x0C, 0xA0 };
        int o = 0;
        int c = bytes.Length;
        CommandPayload.Trim(bytes, ref o, ref c);
        Assert.AreEqual(0, o, "vertical tab kept");
        Assert.AreEqual(4, c, "form feed and no-break space kept");
    }

    [TestMethod]
    [DataRow("ON", "ON", true)]
    [DataRow("on", "ON", true)]
    [DataRow("tOgGlE", "TOGGLE", true)]
    [DataRow("ONE", "ON", false)]
    [DataRow("O", "ON", false)]
    [DataRow("", "ON", false)]
    [DataRow("0N", "ON", false)]
    [DataRow("o{", "O[", false)]
    [DataRow("1", "1", true)]
    public void IsComparesUpperCaseAsciiInAnyCase(string payload, string word, bool expected)
    {
        byte[] bytes = Ascii.Bytes("#" + payload + "#");
        Assert.AreEqual(expected, CommandPayload.Is(bytes, 1, payload.Length, word), payload + " is " + word);
    }

    [TestMethod]
    [DataRow("0", 100, 0)]
    [DataRow("100", 100, 100)]
    [DataRow("101", 100, -1)]
    [DataRow("007", 100, 7)]
    [DataRow("", 100, -1)]
    [DataRow("-1", 100, -1)]
    [DataRow("+1", 100, -1)]
    [DataRow("1.0", 100, -1)]
    [DataRow("999999", 1000000, 999999)]
    [DataRow("0000001", 100, -1)]
    [DataRow("12a", 100, -1)]
    public void ParseIntegerTakesUpToSixDigitsUpToTheMaximum(string payload, int max, int expected)
    {
        byte[] bytes = Ascii.Bytes("9" + payload + "9");
        Assert.AreEqual(expected, CommandPayload.ParseInteger(bytes, 1, payload.Length, max), payload);
    }
}
