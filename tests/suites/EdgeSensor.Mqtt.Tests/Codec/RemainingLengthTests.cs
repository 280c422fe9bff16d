using System;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// The fixed header's variable-length integer (MQTT 3.1.1 section 2.2.3) over random values. Table 2.4's vectors
/// and the fixed header's are checked on nanoCLR and here through the NanoTests (RemainingLengthTests).
/// </summary>
public class RemainingLengthTests
{
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
}
