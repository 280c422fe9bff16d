using System;
using EdgeSensor.Mqtt.BrokerSide;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// Framing over random packets of every type. The hand-written examples' framing (flags, types, every prefix,
/// bytes after the packet) is checked on nanoCLR and here through the NanoTests (FramingTests).
/// </summary>
public class FramingTests
{
    [Fact]
    public void Every_proper_prefix_of_random_packets_is_too_short()
    {
        Random random = new Random(31337);
        for (int round = 0; round < 1500; round++)
        {
            PacketCase packet = RandomPackets.Next(random, 48);
            AssertEveryPrefixIsTooShort(packet.ToString(), packet.ToBytes());
        }
    }

    static void AssertEveryPrefixIsTooShort(string name, byte[] packet)
    {
        BrokerPacket p = new BrokerPacket();
        for (int count = 0; count < packet.Length; count++)
        {
            // Placed at the end of its array: a read past the prefix throws and fails the test.
            byte[] buffer = PacketBytes.Placed(packet.AsSpan(0, count).ToArray());

            MqttError error = BrokerDecoder.Decode(buffer, PacketBytes.Lead, count, p);

            if (error != MqttError.PacketTooShort)
            {
                Assert.Fail(name + ": prefix of " + count + " of " + packet.Length + " bytes gave " + error);
            }
        }
    }
}
