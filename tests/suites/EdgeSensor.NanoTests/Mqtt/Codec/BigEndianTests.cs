using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>MQTT sends 16-bit integers most significant byte first (MQTT 3.1.1 section 1.5.2).</summary>
[TestClass]
public class BigEndianTests
{
    [TestMethod]
    public void WriteUInt16PutsTheHighByteFirst()
    {
        byte[] buffer = new byte[4];

        BigEndian.WriteUInt16(buffer, 1, 0xABCD);

        Assert.AreEqual((byte)0x00, buffer[0], "byte before the offset untouched");
        Assert.AreEqual((byte)0xAB, buffer[1], "high byte first");
        Assert.AreEqual((byte)0xCD, buffer[2], "low byte second");
        Assert.AreEqual((byte)0x00, buffer[3], "byte after the field untouched");
    }

    [TestMethod]
    public void ReadUInt16ReturnsWhatWriteUInt16Wrote()
    {
        byte[] buffer = new byte[2];
        int[] values = { 0, 1, 0x00FF, 0x0100, 0x7FFF, 0x8000, 0xFFFF };

        foreach (int value in values)
        {
            BigEndian.WriteUInt16(buffer, 0, value);
            Assert.AreEqual(value, BigEndian.ReadUInt16(buffer, 0), "round trip");
        }
    }
}
