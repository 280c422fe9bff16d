using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>The fixed header's variable-length integer, MQTT 3.1.1 section 2.2.3 and its table 2.4.</summary>
[TestClass]
public class RemainingLengthTests
{
    [TestMethod]
    [DataRow(0, "00")]
    [DataRow(127, "7F")]
    [DataRow(128, "8001")]
    [DataRow(16383, "FF7F")]
    [DataRow(16384, "808001")]
    [DataRow(2097151, "FFFF7F")]
    [DataRow(2097152, "80808001")]
    [DataRow(268435455, "FFFFFF7F")]
    public void WriteProducesTheBytesOfTable24(int value, string hex)
    {
        int size = hex.Length / 2;
        byte[] buffer = PacketBytes.Filled(3 + size + 3, 0xEE);

        int written = RemainingLength.Write(buffer, 3, value);

        Assert.AreEqual(size, written, "written");
        Assert.AreEqual(size, RemainingLength.SizeOf(value), "SizeOf");
        Assert.AreEqual("EEEEEE" + hex + "EEEEEE", PacketBytes.Text(buffer), "bytes");
    }

    [TestMethod]
    [DataRow(0, "00")]
    [DataRow(127, "7F")]
    [DataRow(128, "8001")]
    [DataRow(16383, "FF7F")]
    [DataRow(16384, "808001")]
    [DataRow(2097151, "FFFF7F")]
    [DataRow(2097152, "80808001")]
    [DataRow(268435455, "FFFFFF7F")]
    public void TryReadReadsTable24AndNoFurther(int value, string hex)
    {
        // The byte after the integer claims to continue it; reading it would change the value.
        byte[] buffer = PacketBytes.Concat(new byte[] { 0x80 }, PacketBytes.Hex(hex), new byte[] { 0xFF });

        int used = RemainingLength.TryRead(buffer, 1, buffer.Length - 1, out int read);

        Assert.AreEqual(buffer.Length - 2, used, "used");
        Assert.AreEqual(value, read, "value");
    }

    [TestMethod]
    [DataRow("8001")]
    [DataRow("FF7F")]
    [DataRow("808001")]
    [DataRow("FFFF7F")]
    [DataRow("80808001")]
    [DataRow("FFFFFF7F")]
    public void TryReadNeedsMoreOnEveryPrefix(string hex)
    {
        byte[] whole = PacketBytes.Hex(hex);
        for (int count = 0; count < whole.Length; count++)
        {
            // Exactly sized, so that looking past count throws.
            byte[] prefix = PacketBytes.Slice(whole, 0, count);

            Assert.AreEqual(0, RemainingLength.TryRead(prefix, 0, count, out int value), "prefix of " + count.ToString());
        }
    }

    [TestMethod]
    [DataRow("FFFFFFFF7F")] // a fifth byte
    [DataRow("80808080")] // a fourth byte that announces a fifth, even before the fifth arrives
    [DataRow("8080808001")] // a fifth byte after continuation bytes
    public void AFifthByteIsMalformedSection223(string hex)
    {
        byte[] bytes = PacketBytes.Hex(hex);

        Assert.AreEqual(-1, RemainingLength.TryRead(bytes, 0, bytes.Length, out int value), hex);
    }

    [TestMethod]
    [DataRow("30", 0)] // first byte alone
    [DataRow("3080", 0)] // remaining length unfinished
    [DataRow("3000", 2)]
    [DataRow("307F", 2)]
    [DataRow("308001", 3)]
    [DataRow("30808001", 4)]
    [DataRow("30FFFFFF7F", 5)] // longest header
    [DataRow("30FFFFFFFF", -1)] // fifth length byte, section 2.2.3
    public void FixedHeaderSizeNeedMoreOrMalformed(string hex, int expected)
    {
        byte[] bytes = PacketBytes.Hex(hex);

        int used = MqttDecoder.TryReadFixedHeader(bytes, 0, bytes.Length, out int firstByte, out int remaining);

        Assert.AreEqual(expected, used, hex);
        Assert.AreEqual(0x30, firstByte, "first byte");
    }

    [TestMethod]
    public void FixedHeaderGivesFirstByteAndLength()
    {
        byte[] bytes = PacketBytes.Hex("EE32C102EE");

        int used = MqttDecoder.TryReadFixedHeader(bytes, 1, 3, out int firstByte, out int remaining);

        Assert.AreEqual(3, used, "used");
        Assert.AreEqual(0x32, firstByte, "first byte");
        Assert.AreEqual(0x41 + 2 * 128, remaining, "remaining length");
    }

    [TestMethod]
    public void FixedHeaderNeedsMoreFromNothing()
    {
        Assert.AreEqual(0, MqttDecoder.TryReadFixedHeader(new byte[0], 0, 0, out int firstByte, out int remaining), "empty");
    }

    [TestMethod]
    public void DecodeRefusesFiveLengthBytes()
    {
        byte[] packet = PacketBytes.Hex("30FFFFFFFF01");

        Assert.AreEqual((int)MqttError.MalformedRemainingLength, (int)PacketBytes.Decode(packet), "section 2.2.3");
    }
}
