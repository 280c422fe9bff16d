using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// Valid packets with random damage. Decode must answer None or a named codec error and never
/// throw (nothing is caught here: an exception fails the test). What it accepts must be exactly
/// what the encoder would write for the decoded fields, so nothing it accepts is silently dropped.
/// </summary>
public class MutationPropertyTests
{
    static readonly byte[] Interesting = { 0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0xC0, 0xED, 0xFF, 0x2B, 0x23, 0x2F };

    [Fact]
    public void Damaged_packets_decode_to_None_or_a_codec_error_never_an_exception()
    {
        Random random = new Random(90210);
        BrokerPacket view = new BrokerPacket();
        Dictionary<MqttError, int> seen = new Dictionary<MqttError, int>();

        for (int round = 0; round < 40000; round++)
        {
            PacketCase original = RandomPackets.Next(random, 24);
            byte[] damaged = Damage(random, original.ToBytes());

            // The damaged packet ends its array, so a read past its end throws.
            MqttError error = PacketBytes.Decode(damaged, view);

            Assert.True(IsCodecError(error), error + " is not a codec error, from " + original);
            seen[error] = seen.TryGetValue(error, out int n) ? n + 1 : 1;
            if (error == MqttError.None)
            {
                AssertCanonical(damaged, view, original);
            }
        }

        // The damage must reach past the framing checks, or this test would prove little.
        Assert.True(seen.TryGetValue(MqttError.None, out int accepted) && accepted > 2000, "accepted " + accepted);
        Assert.True(seen.Count >= 15, "errors seen: " + string.Join(", ", seen.Keys));
    }

    static bool IsCodecError(MqttError error)
    {
        return error >= MqttError.None && error <= MqttError.StringTooLong && Enum.IsDefined(error);
    }

    /// <summary>One to three changes; half the time the remaining length is rewritten to fit the damaged body.</summary>
    static byte[] Damage(Random random, byte[] packet)
    {
        MqttDecoder.TryReadFixedHeader(packet, 0, packet.Length, out int firstByte, out int remaining);
        int headerLength = packet.Length - remaining;
        bool reframe = random.Next(2) == 0;
        List<byte> bytes = new List<byte>(reframe ? packet.AsSpan(headerLength).ToArray() : packet);

        int changes = random.Next(1, 4);
        for (int change = 0; change < changes; change++)
        {
            int kind = random.Next(reframe ? 6 : 4);
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            if (bytes.Count == 0 && kind < 4)
            {
                kind = 4;
            }

            switch (kind)
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 3: bytes.RemoveAt(at); break;
                case 4: bytes.Insert(random.Next(bytes.Count + 1), Interesting[random.Next(Interesting.Length)]); break;
                default: bytes.RemoveRange(at, random.Next(bytes.Count - at + 1)); break;
            }
        }

        return reframe ? PacketBytes.Framed(firstByte, bytes.ToArray()) : bytes.ToArray();
    }

    /// <summary>Re-encodes the decoded fields: first byte and body must come out as they went in.</summary>
    static void AssertCanonical(byte[] accepted, BrokerPacket p, PacketCase original)
    {
        byte[] again = PacketBytes.Encoded((b, o) => Reencode(p, b, o));

        // The remaining length may differ in form only: 3.1.1 does not require its shortest encoding.
        MqttDecoder.TryReadFixedHeader(accepted, 0, accepted.Length, out int firstByte, out int remaining);
        MqttDecoder.TryReadFixedHeader(again, 0, again.Length, out int againFirstByte, out int againRemaining);
        string context = "accepted " + Convert.ToHexString(accepted) + " (damaged " + original + ")";
        Assert.True(firstByte == againFirstByte, context);
        Assert.True(remaining == againRemaining, context);
        Assert.True(accepted.AsSpan(accepted.Length - remaining).SequenceEqual(again.AsSpan(again.Length - againRemaining)), context);
    }

    static int Reencode(BrokerPacket p, byte[] b, int offset)
    {
        switch (p.Type)
        {
            case MqttPacketType.Connect:
                MqttConnectOptions options = new MqttConnectOptions
                {
                    ClientId = PacketBytes.Text(p.Buffer, p.ClientIdOffset, p.ClientIdLength),
                    CleanSession = p.CleanSession,
                    KeepAliveSeconds = p.KeepAliveSeconds,
                };
                if (p.HasWill)
                {
                    options.WillTopic = PacketBytes.Text(p.Buffer, p.WillTopicOffset, p.WillTopicLength);
                    options.WillPayload = PacketBytes.Slice(p.Buffer, p.WillPayloadOffset, p.WillPayloadLength);
                    options.WillQos = p.WillQos;
                    options.WillRetain = p.WillRetain;
                }

                options.UserName = p.HasUserName ? PacketBytes.Text(p.Buffer, p.UserNameOffset, p.UserNameLength) : null;
                options.Password = p.HasPassword ? PacketBytes.Slice(p.Buffer, p.PasswordOffset, p.PasswordLength) : null;
                return MqttEncoder.Connect(b, offset, options);
            case MqttPacketType.Connack:
                return BrokerEncoder.Connack(b, offset, p.SessionPresent, p.ReturnCode);
            case MqttPacketType.Publish:
                return MqttEncoder.Publish(b, offset, p.Buffer, p.TopicOffset, p.TopicLength, p.PacketId, p.Qos, p.Retain, p.Dup,
                    p.Buffer, p.PayloadOffset, p.PayloadLength);
            case MqttPacketType.Subscribe:
                List<byte[]> filters = new List<byte[]>();
                List<MqttQos> qos = new List<MqttQos>();
                foreach (string entry in SubscribeTests.Filters(p, true))
                {
                    int space = entry.LastIndexOf(' ');
                    filters.Add(PacketBytes.Utf8(entry.Substring(0, space)));
                    qos.Add((MqttQos)int.Parse(entry.Substring(space + 1)));
                }

                return MqttEncoder.Subscribe(b, offset, p.PacketId, filters.ToArray(), qos.ToArray(), 0, filters.Count);
            case MqttPacketType.Suback:
                return BrokerEncoder.Suback(b, offset, p.PacketId, p.Buffer, p.PayloadOffset, p.PayloadLength);
            case MqttPacketType.Unsubscribe:
                List<byte[]> unsubscribed = SubscribeTests.Filters(p, false).ConvertAll(PacketBytes.Utf8);
                return MqttEncoder.Unsubscribe(b, offset, p.PacketId, unsubscribed.ToArray(), 0, unsubscribed.Count);
            case MqttPacketType.Pingreq:
            case MqttPacketType.Pingresp:
            case MqttPacketType.Disconnect:
                return MqttEncoder.Empty(b, offset, p.Type);
            default:
                return MqttEncoder.Ack(b, offset, p.Type, p.PacketId);
        }
    }
}
