using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// Every encoder checks the room left before it writes: -1 and an untouched buffer when the packet
/// does not fit, so the caller can drain and retry; the packet itself at exactly the needed size.
/// The client's encoders are checked on nanoCLR and here through the NanoTests (EncoderCapacityTests);
/// here, the broker side's encoders and random packets of every type.
/// </summary>
public class EncoderCapacityTests
{
    const byte Untouched = 0xA5;

    static readonly Dictionary<string, PacketCase> Cases = BuildCases();

    public static IEnumerable<object[]> EveryEncoder()
    {
        foreach (string name in Cases.Keys)
        {
            yield return new object[] { name };
        }
    }

    static Dictionary<string, PacketCase> BuildCases()
    {
        Dictionary<string, PacketCase> cases = new Dictionary<string, PacketCase>();
        cases.Add("CONNACK", new ConnackCase { SessionPresent = true });
        cases.Add("SUBACK", new SubackCase { PacketId = 7, Codes = new byte[] { 0, 1, 2, 0x80 } });
        cases.Add("SUBACK, two-byte remaining length", new SubackCase { PacketId = 7, Codes = new byte[300] });
        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryEncoder))]
    public void One_byte_too_small_is_refused_without_writing_and_exactly_enough_succeeds(string name)
    {
        PacketCase packet = Cases[name];
        byte[] expected = packet.ToBytes();
        foreach (int offset in new[] { 0, 3 })
        {
            byte[] tooSmall = Filled(offset + expected.Length - 1);
            Assert.True(-1 == packet.Encode(tooSmall, offset), name + " at offset " + offset);
            Assert.True(Array.TrueForAll(tooSmall, b => b == Untouched), name + " wrote into a buffer it refused");

            byte[] exact = Filled(offset + expected.Length);
            Assert.True(expected.Length == packet.Encode(exact, offset), name + " at offset " + offset);
            PacketBytes.Equal(expected, exact.AsSpan(offset).ToArray());
            Assert.True(Array.TrueForAll(exact.AsSpan(0, offset).ToArray(), b => b == Untouched), name + " wrote before its offset");
        }
    }

    [Theory]
    [MemberData(nameof(EveryEncoder))]
    public void Every_smaller_buffer_is_refused(string name)
    {
        PacketCase packet = Cases[name];
        int needed = packet.ToBytes().Length;
        for (int length = 0; length < needed; length += needed > 300 ? 97 : 1)
        {
            Assert.True(-1 == packet.Encode(Filled(length), 0), name + " in " + length + " bytes");
        }

        // An offset at or past the end leaves no room at all.
        Assert.True(-1 == packet.Encode(Filled(needed), needed), name);
        Assert.True(-1 == packet.Encode(Filled(needed), needed + 1), name);
    }

    [Fact]
    public void Random_packets_fit_exactly_and_not_one_byte_less()
    {
        Random random = new Random(4242);
        for (int round = 0; round < 3000; round++)
        {
            PacketCase packet = RandomPackets.Next(random, 600);
            int needed = packet.ToBytes().Length;
            int offset = random.Next(0, 5);

            Assert.True(-1 == packet.Encode(Filled(offset + needed - 1), offset), packet.ToString());
            Assert.True(needed == packet.Encode(Filled(offset + needed), offset), packet.ToString());
        }
    }

    static byte[] Filled(int length)
    {
        byte[] buffer = new byte[length];
        Array.Fill(buffer, Untouched);
        return buffer;
    }
}
