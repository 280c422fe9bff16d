using System;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>The fixed header's variable-length integer, MQTT 3.1.1 section 2.2.3 and its table 2.4.</summary>
    public class RemainingLengthTests
    {
        [Theory]
        [InlineData(0, "00")]
        [InlineData(127, "7F")]
        [InlineData(128, "8001")]
        [InlineData(16383, "FF7F")]
        [InlineData(16384, "808001")]
        [InlineData(2097151, "FFFF7F")]
        [InlineData(2097152, "80808001")]
        [InlineData(268435455, "FFFFFF7F")]
        public void Write_produces_the_bytes_of_table_2_4(int value, string hex)
        {
            byte[] expected = Convert.FromHexString(hex);
            byte[] buffer = new byte[3 + expected.Length + 3];
            Array.Fill(buffer, (byte)0xEE);

            int written = RemainingLength.Write(buffer, 3, value);

            Assert.Equal(expected.Length, written);
            Assert.Equal(expected.Length, RemainingLength.SizeOf(value));
            Assert.Equal("EEEEEE" + hex + "EEEEEE", Convert.ToHexString(buffer));
        }

        [Theory]
        [InlineData(0, "00")]
        [InlineData(127, "7F")]
        [InlineData(128, "8001")]
        [InlineData(16383, "FF7F")]
        [InlineData(16384, "808001")]
        [InlineData(2097151, "FFFF7F")]
        [InlineData(2097152, "80808001")]
        [InlineData(268435455, "FFFFFF7F")]
        public void TryRead_reads_the_bytes_of_table_2_4_and_no_further(int value, string hex)
        {
            // The byte after the integer claims to continue it; reading it would change the value.
            byte[] buffer = PacketBytes.Concat(new byte[] { 0x80 }, Convert.FromHexString(hex), new byte[] { 0xFF });
            int size = buffer.Length - 2;

            int used = RemainingLength.TryRead(buffer, 1, buffer.Length - 1, out int read);

            Assert.Equal(size, used);
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData("8001")]
        [InlineData("FF7F")]
        [InlineData("808001")]
        [InlineData("FFFF7F")]
        [InlineData("80808001")]
        [InlineData("FFFFFF7F")]
        public void TryRead_asks_for_more_bytes_on_every_proper_prefix(string hex)
        {
            byte[] whole = Convert.FromHexString(hex);
            for (int count = 0; count < whole.Length; count++)
            {
                // Exactly sized, so that looking past count throws.
                byte[] prefix = whole.AsSpan(0, count).ToArray();

                Assert.Equal(0, RemainingLength.TryRead(prefix, 0, count, out _));
            }
        }

        [Theory]
        [InlineData("FFFFFFFF7F", "a fifth byte")]
        [InlineData("80808080", "a fourth byte that announces a fifth, even before the fifth arrives")]
        [InlineData("8080808001", "a fifth byte after continuation bytes")]
        public void A_fifth_byte_is_malformed_section_2_2_3(string hex, string what)
        {
            byte[] bytes = Convert.FromHexString(hex);

            Assert.True(-1 == RemainingLength.TryRead(bytes, 0, bytes.Length, out _), what);
        }

        [Fact]
        public void Random_values_round_trip_at_random_offsets()
        {
            Random random = new Random(2231);
            byte[] buffer = new byte[16];
            for (int round = 0; round < 20000; round++)
            {
                // Spread over the four sizes rather than over the range, where most values need four bytes.
                int bits = random.Next(1, 29);
                int value = random.Next(0, 1 << bits);
                int offset = random.Next(0, 8);
                random.NextBytes(buffer);

                int written = RemainingLength.Write(buffer, offset, value);
                int used = RemainingLength.TryRead(buffer, offset, written, out int read);

                Assert.True(value == read, "value " + value);
                Assert.Equal(written, used);
                Assert.Equal(RemainingLength.SizeOf(value), written);
            }
        }

        [Theory]
        [InlineData("30", 0, "first byte alone")]
        [InlineData("3080", 0, "remaining length unfinished")]
        [InlineData("3000", 2, "")]
        [InlineData("307F", 2, "")]
        [InlineData("308001", 3, "")]
        [InlineData("30808001", 4, "")]
        [InlineData("30FFFFFF7F", 5, "longest header")]
        [InlineData("30FFFFFFFF", -1, "fifth length byte, section 2.2.3")]
        public void TryReadFixedHeader_reports_header_size_need_more_or_malformed(string hex, int expected, string what)
        {
            byte[] bytes = Convert.FromHexString(hex);

            int used = MqttDecoder.TryReadFixedHeader(bytes, 0, bytes.Length, out int firstByte, out _);

            Assert.True(expected == used, what);
            Assert.Equal(0x30, firstByte);
        }

        [Fact]
        public void TryReadFixedHeader_returns_the_first_byte_and_remaining_length()
        {
            byte[] bytes = { 0xEE, 0x32, 0xC1, 0x02, 0xEE };

            int used = MqttDecoder.TryReadFixedHeader(bytes, 1, 3, out int firstByte, out int remaining);

            Assert.Equal(3, used);
            Assert.Equal(0x32, firstByte);
            Assert.Equal(0x41 + 2 * 128, remaining);
        }

        [Fact]
        public void TryReadFixedHeader_needs_more_when_nothing_is_there()
        {
            Assert.Equal(0, MqttDecoder.TryReadFixedHeader(new byte[0], 0, 0, out _, out _));
        }

        [Fact]
        public void Decode_refuses_a_five_byte_remaining_length_section_2_2_3()
        {
            byte[] packet = { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 };

            Assert.Equal(MqttError.MalformedRemainingLength, PacketBytes.Decode(packet, new BrokerPacket()));
        }
    }
}
