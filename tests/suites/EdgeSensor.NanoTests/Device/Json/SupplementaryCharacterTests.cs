using EdgeSensor.Device.Json;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>
/// Characters outside the Basic Multilingual Plane (an emoji in a name) are one 4-byte UTF-8 sequence. nanoCLR's
/// string indexer returned the high surrogate twice, which made two U+FFFD out of every such character.
/// </summary>
[TestClass]
public class SupplementaryCharacterTests
{
    // "a😀b" as UTF-16: a, U+D83D U+DE00, b
    const string WithEmoji = "a\uD83D\uDE00b";
    static readonly byte[] WithEmojiUtf8 = new byte[] { 0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62 };

    [TestMethod]
    public void JsonWriterWritesAnEmojiAsFourBytes()
    {
        byte[] buffer = new byte[32];
        JsonWriter writer = new JsonWriter();
        writer.Reset(buffer, 0);
        writer.String(WithEmoji);
        AssertBytes(new byte[] { 0x22, 0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62, 0x22 }, buffer, writer.Length);
    }

    [TestMethod]
    public void MqttUtf8CountsAnEmojiAsFourBytes()
    {
        Assert.AreEqual(6, MqttUtf8.ByteCount(WithEmoji));
    }

    [TestMethod]
    public void MqttUtf8EncodesAnEmojiAsFourBytes()
    {
        byte[] buffer = new byte[16];
        int written = MqttUtf8.Encode(WithEmoji, buffer, 0);
        AssertBytes(WithEmojiUtf8, buffer, written);
    }

    static void AssertBytes(byte[] expected, byte[] actual, int length)
    {
        Assert.AreEqual(expected.Length, length, "length");
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], "byte " + i.ToString());
    }
}
