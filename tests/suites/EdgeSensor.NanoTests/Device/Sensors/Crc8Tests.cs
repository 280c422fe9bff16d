using EdgeSensor.Device.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>The Sensirion CRC-8 (poly 0x31, init 0xFF, no reflection, no final XOR) that guards every SHT3x data word.</summary>
[TestClass]
public class Crc8Tests
{
    [TestMethod]
    public void MatchesTheSht3xDatasheetExample()
    {
        // SHT3x-DIS datasheet, table 20: CRC (0xBEEF) = 0x92.
        Assert.AreEqual((byte)0x92, Crc8.Compute(new byte[] { 0xBE, 0xEF }, 0, 2), "CRC(0xBEEF)");
    }

    [TestMethod]
    public void MatchesTheCrcCatalogueCheckValueForTheSameParameters()
    {
        // The CRC catalogue's CRC-8/NRSC-5 has exactly these parameters (poly 0x31, init 0xFF, no reflection,
        // xorout 0x00); its check value, the CRC of ASCII "123456789", is 0xF7.
        byte[] check = Ascii.Bytes("123456789");
        Assert.AreEqual((byte)0xF7, Crc8.Compute(check, 0, check.Length), "check value");
    }

    [TestMethod]
    [DataRow("0000", 0x81)]
    [DataRow("FFFF", 0xAC)]
    [DataRow("6666", 0x93)]
    public void GivesTheValuesComputedBitByBitForOtherWords(string word, int expected)
    {
        // Expected values worked out with an independent bit-serial implementation of the same parameters.
        Assert.AreEqual((byte)expected, Crc8.Compute(Hex.Bytes(word), 0, 2), "CRC(0x" + word + ")");
    }

    [TestMethod]
    public void ReadsOnlyTheBytesItIsGiven()
    {
        byte[] framed = new byte[] { 0x11, 0x22, 0xBE, 0xEF, 0x33 };
        Assert.AreEqual((byte)0x92, Crc8.Compute(framed, 2, 2), "CRC of the middle word");
    }

    [TestMethod]
    public void OfAWordFollowedByItsCrcIsZero()
    {
        // The catalogue's residue for these parameters is 0x00.
        Assert.AreEqual((byte)0x00, Crc8.Compute(new byte[] { 0xBE, 0xEF, 0x92 }, 0, 3), "residue");
    }

    [TestMethod]
    public void ChangesForEverySingleBitError()
    {
        for (int bit = 0; bit < 16; bit++)
        {
            int word = 0xBEEF ^ (1 << bit);
            Assert.AreNotEqual(0x92, (int)Crc8.Compute(new byte[] { (byte)(word >> 8), (byte)word }, 0, 2), "bit " + bit.ToString() + " flipped");
        }
    }

    [TestMethod]
    public void OfNothingIsTheInitialValue()
    {
        Assert.AreEqual((byte)0xFF, Crc8.Compute(new byte[] { 0x12 }, 1, 0), "no bytes");
    }
}
