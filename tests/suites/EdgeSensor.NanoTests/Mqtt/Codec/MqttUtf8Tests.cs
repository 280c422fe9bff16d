using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>UTF-8 as MQTT 3.1.1 section 1.5.3 wants it: well-formed (RFC 3629) and without U+0000.</summary>
[TestClass]
public class MqttUtf8Tests
{
    [TestMethod]
    [DataRow("")] // empty string
    [DataRow("41")] // U+0041 ASCII
    [DataRow("01 7F")] // U+0001 and U+007F, the ASCII bounds other than NUL
    [DataRow("C2 80")] // U+0080, smallest 2-byte
    [DataRow("DF BF")] // U+07FF, largest 2-byte
    [DataRow("E0 A0 80")] // U+0800, smallest 3-byte
    [DataRow("ED 9F BF")] // U+D7FF, just below the surrogates
    [DataRow("EE 80 80")] // U+E000, just above the surrogates
    [DataRow("EF BF BF")] // U+FFFF, a non-character, allowed
    [DataRow("EF BF BE")] // U+FFFE, a non-character, allowed
    [DataRow("EF BB BF")] // U+FEFF BOM, kept as a character [MQTT-1.5.3-3]
    [DataRow("41 EF BB BF 42")] // U+FEFF inside a string [MQTT-1.5.3-3]
    [DataRow("F0 90 80 80")] // U+10000, smallest 4-byte
    [DataRow("F0 9F 98 80")] // U+1F600 emoji
    [DataRow("F4 8F BF BF")] // U+10FFFF, largest code point
    [DataRow("73 70 6F 72 74 2F E2 82 AC 2F F0 9F 98 80")] // sport/U+20AC/U+1F600 mixed lengths
    public void ValidateAcceptsWellFormedUtf8(string hex)
    {
        byte[] body = PacketBytes.Hex(hex);

        Assert.AreEqual((int)MqttError.None, (int)MqttUtf8.Validate(body, 0, body.Length), hex);
        // Padding that is itself invalid (NUL before, a stray continuation after): reading it would refuse the body.
        byte[] padded = PacketBytes.Between(new byte[] { 0x00 }, body, new byte[] { 0x80 }, out int offset);
        Assert.AreEqual((int)MqttError.None, (int)MqttUtf8.Validate(padded, offset, body.Length), "padded " + hex);
    }

    [TestMethod]
    [DataRow("00")] // U+0000 [MQTT-1.5.3-2]
    [DataRow("41 00 42")] // U+0000 inside a string [MQTT-1.5.3-2]
    [DataRow("C0 80")] // overlong U+0000 [MQTT-1.5.3-1]
    [DataRow("C1 BF")] // overlong U+007F
    [DataRow("E0 80 80")] // overlong 3-byte U+0000
    [DataRow("E0 9F BF")] // overlong 3-byte U+07FF
    [DataRow("F0 80 80 80")] // overlong 4-byte U+0000
    [DataRow("F0 8F BF BF")] // overlong 4-byte U+FFFF
    [DataRow("ED A0 80")] // U+D800 high surrogate [MQTT-1.5.3-1]
    [DataRow("ED AF BF")] // U+DBFF high surrogate
    [DataRow("ED B0 80")] // U+DC00 low surrogate
    [DataRow("ED BF BF")] // U+DFFF low surrogate
    [DataRow("ED A0 BD ED B8 80")] // surrogate pair encoded separately (CESU-8)
    [DataRow("F4 90 80 80")] // U+110000, above U+10FFFF
    [DataRow("F5 80 80 80")] // lead byte F5, always above U+10FFFF
    [DataRow("F7 BF BF BF")] // lead byte F7
    [DataRow("F8 88 80 80 80")] // 5-byte form of the old UTF-8
    [DataRow("FC 84 80 80 80 80")] // 6-byte form of the old UTF-8
    [DataRow("FE")] // byte FE never appears
    [DataRow("FF")] // byte FF never appears
    [DataRow("80")] // stray continuation byte
    [DataRow("41 BF")] // stray continuation after ASCII
    [DataRow("C3 A9 A9")] // continuation after a complete sequence
    [DataRow("C2")] // truncated 2-byte
    [DataRow("E2 82")] // truncated 3-byte
    [DataRow("F0 9F 98")] // truncated 4-byte
    [DataRow("41 F0 9F")] // truncated at the end after valid text
    [DataRow("C2 41")] // 2-byte lead followed by ASCII
    [DataRow("E2 41 AC")] // 3-byte with ASCII in second place
    [DataRow("E2 82 41")] // 3-byte with ASCII in third place
    [DataRow("F0 9F 98 41")] // 4-byte with ASCII in fourth place
    [DataRow("E2 C2 AC")] // 3-byte with a lead byte in second place
    public void ValidateRefusesIllFormedUtf8AndNul(string hex)
    {
        byte[] body = PacketBytes.Hex(hex);

        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttUtf8.Validate(body, 0, body.Length), hex);
    }

    [TestMethod]
    public void ValidateStopsAtTheEndOfItsRange()
    {
        byte[] buffer = PacketBytes.Hex("41 F0 9F 98 80");

        Assert.AreEqual((int)MqttError.None, (int)MqttUtf8.Validate(buffer, 0, 5), "whole");
        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttUtf8.Validate(buffer, 0, 4), "end cut");
        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttUtf8.Validate(buffer, 2, 3), "start cut");
    }

    [TestMethod]
    [DataRow("", "")]
    [DataRow("a", "61")]
    [DataRow("\u007F", "7F")]
    [DataRow("\u0080", "C2 80")]
    [DataRow("\u00E9", "C3 A9")]
    [DataRow("\u07FF", "DF BF")]
    [DataRow("\u0800", "E0 A0 80")]
    [DataRow("\u20AC", "E2 82 AC")]
    [DataRow("\uD7FF", "ED 9F BF")]
    [DataRow("\uE000", "EE 80 80")]
    [DataRow("\uFEFF", "EF BB BF")]
    [DataRow("\uFFFF", "EF BF BF")]
    [DataRow("\uD83D\uDE00", "F0 9F 98 80")]
    [DataRow("\uDBFF\uDFFF", "F4 8F BF BF")]
    [DataRow("sport/\u20AC/\uD83D\uDE00", "73 70 6F 72 74 2F E2 82 AC 2F F0 9F 98 80")]
    public void ByteCountAndEncodeGiveUtf8(string value, string hex)
    {
        byte[] expected = PacketBytes.Hex(hex);
        Assert.AreEqual(expected.Length, MqttUtf8.ByteCount(value), "ByteCount " + hex);

        byte[] buffer = PacketBytes.Filled(expected.Length + 4, 0xAA);
        int written = MqttUtf8.Encode(value, buffer, 2);

        Assert.AreEqual(expected.Length, written, "written " + hex);
        Assert.AreEqual("AAAA" + PacketBytes.Text(expected) + "AAAA", PacketBytes.Text(buffer), "bytes " + hex);
    }

    /// <summary>
    /// Code units as hex ("D83D 0061"). On nanoCLR a lone surrogate does not survive even this: the runtime keeps
    /// strings as UTF-8 and makes it U+FFFD, so ByteCount's -1 for unpaired surrogates is tested on the desktop only.
    /// </summary>
    static string Units(string hex)
    {
        char[] units = new char[(hex.Length + 1) / 5];
        for (int i = 0; i < units.Length; i++)
        {
            byte[] unit = PacketBytes.Hex(hex.Substring(5 * i, 4));
            units[i] = (char)((unit[0] << 8) | unit[1]);
        }
        return new string(units);
    }

    [TestMethod]
    public void EncodeReplacesAnUnpairedSurrogate()
    {
        string value = Units("0061 D800 0062 DC00");
        byte[] buffer = new byte[16];

        int written = MqttUtf8.Encode(value, buffer, 0);

        // On nanoCLR the string already holds U+FFFD; on the desktop Encode replaces the surrogates itself.
        Assert.AreEqual("61EFBFBD62EFBFBD", PacketBytes.Text(buffer, 0, written), "U+FFFD, as Encoding.UTF8 writes it");
    }

    [TestMethod]
    public void NulIsOneByteThatOnlyValidateRefuses()
    {
        byte[] nul = { 0x00 };

        Assert.AreEqual(1, MqttUtf8.SequenceLength(nul, 0, 1), "NUL is one byte");
        Assert.AreEqual(0, MqttUtf8.DecodeSequence(nul, 0, 1), "U+0000");
        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttUtf8.Validate(nul, 0, 1), "[MQTT-1.5.3-2]");
        Assert.AreEqual(0x7F, MqttUtf8.DecodeSequence(new byte[] { 0x7F }, 0, 1), "U+007F");
    }

    [TestMethod]
    public void DecodeMakesTextAndMarksWhatIsNot()
    {
        byte[] b = PacketBytes.Hex("61 2F C3 A9 E2 82 AC FF 00 E2 82");
        Assert.AreEqual("a/\u00E9\u20AC", MqttUtf8.Decode(b, 0, 7), "text");
        // One U+FFFD per byte that is not text: a stray FF, U+0000, a sequence cut short.
        Assert.AreEqual("\u20AC\uFFFD\uFFFD\uFFFD\uFFFD", MqttUtf8.Decode(b, 4, 7), "marked");
        Assert.AreEqual("", MqttUtf8.Decode(b, 3, 0), "empty");
    }

    [TestMethod]
    public void AMessageGivesItsTopicAndPayloadAsText()
    {
        MqttMessage m = new MqttMessage();
        m.Buffer = PacketBytes.Hex("00 74 2F C3 A9 6F 6E");
        m.TopicOffset = 1;
        m.TopicLength = 4;
        m.PayloadOffset = 5;
        m.PayloadCount = 2;
        Assert.AreEqual("t/\u00E9", m.TopicAsString(), "topic");
        Assert.AreEqual("on", m.PayloadAsString(), "payload");
    }
}
