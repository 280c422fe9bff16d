using System.Text;
using EdgeSensor.Device.Sensors;
using Xunit;

namespace EdgeSensor.Drivers.Tests
{
    public sealed class Crc8Tests
    {
        [Fact]
        public void MatchesTheSht3xDatasheetExample()
        {
            // SHT3x-DIS datasheet, table 20: CRC (0xBEEF) = 0x92.
            Assert.Equal(0x92, Crc8.Compute(new byte[] { 0xBE, 0xEF }, 0, 2));
        }

        [Fact]
        public void MatchesTheCrcCatalogueCheckValueForTheSameParameters()
        {
            // The CRC catalogue's CRC-8/NRSC-5 has exactly these parameters (poly 0x31, init 0xFF, no reflection,
            // xorout 0x00); its check value, the CRC of ASCII "123456789", is 0xF7.
            byte[] check = Encoding.ASCII.GetBytes("123456789");

            Assert.Equal(0xF7, Crc8.Compute(check, 0, check.Length));
        }

        [Theory]
        [InlineData(0x00, 0x00, 0x81)]
        [InlineData(0xFF, 0xFF, 0xAC)]
        [InlineData(0x66, 0x66, 0x93)]
        public void GivesTheValuesComputedBitByBitForOtherWords(byte msb, byte lsb, byte expected)
        {
            // Expected values worked out with an independent bit-serial implementation of the same parameters.
            Assert.Equal(expected, Crc8.Compute(new[] { msb, lsb }, 0, 2));
        }

        [Fact]
        public void ReadsOnlyTheBytesItIsGiven()
        {
            byte[] framed = { 0x11, 0x22, 0xBE, 0xEF, 0x33 };

            Assert.Equal(0x92, Crc8.Compute(framed, 2, 2));
        }

        [Fact]
        public void OfAWordFollowedByItsCrcIsZero()
        {
            // The catalogue's residue for these parameters is 0x00.
            Assert.Equal(0x00, Crc8.Compute(new byte[] { 0xBE, 0xEF, 0x92 }, 0, 3));
        }

        [Fact]
        public void ChangesForEverySingleBitError()
        {
            for (int bit = 0; bit < 16; bit++)
            {
                int word = 0xBEEF ^ (1 << bit);

                Assert.NotEqual(0x92, Crc8.Compute(new[] { (byte)(word >> 8), (byte)word }, 0, 2));
            }
        }
    }
}
