using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>
    /// Every encoder checks the room left before it writes: -1 and an untouched buffer when the packet
    /// does not fit, so the caller can drain and retry; the packet itself at exactly the needed size.
    /// </summary>
    public class EncoderCapacityTests
    {
        private const byte Untouched = 0xA5;

        private static readonly Dictionary<string, PacketCase> Cases = BuildCases();

        public static IEnumerable<object[]> EveryEncoder()
        {
            foreach (string name in Cases.Keys)
            {
                yield return new object[] { name };
            }
        }

        private static Dictionary<string, PacketCase> BuildCases()
        {
            Dictionary<string, PacketCase> cases = new Dictionary<string, PacketCase>();
            MqttConnectOptions full = new MqttConnectOptions
            {
                ClientId = "client-€",
                WillTopic = "w/😀",
                WillPayload = new byte[200],
                WillQos = MqttQos.ExactlyOnce,
                UserName = "u",
                Password = new byte[] { 1, 2 },
            };
            cases.Add("CONNECT minimal", new ConnectCase { Options = new MqttConnectOptions { ClientId = "a" } });
            cases.Add("CONNECT with a two-byte remaining length", new ConnectCase { Options = full });
            cases.Add("CONNACK", new ConnackCase { SessionPresent = true });
            foreach (bool asBytes in new[] { false, true })
            {
                string form = asBytes ? " (byte[] topic)" : " (string topic)";
                cases.Add("PUBLISH QoS 0 empty" + form, Publish("a/b", MqttQos.AtMostOnce, 0, asBytes));
                cases.Add("PUBLISH QoS 1" + form, Publish("€/😀", MqttQos.AtLeastOnce, 16, asBytes));
                cases.Add("PUBLISH QoS 2, 3-byte remaining length" + form, Publish("t", MqttQos.ExactlyOnce, 20000, asBytes));
            }

            foreach (MqttPacketType type in new[] { MqttPacketType.Puback, MqttPacketType.Pubrec, MqttPacketType.Pubrel, MqttPacketType.Pubcomp, MqttPacketType.Unsuback })
            {
                cases.Add(type.ToString(), new AckCase { AckType = type, PacketId = 258 });
            }

            foreach (MqttPacketType type in new[] { MqttPacketType.Pingreq, MqttPacketType.Pingresp, MqttPacketType.Disconnect })
            {
                cases.Add(type.ToString(), new HeaderOnlyCase { PacketType = type });
            }

            byte[][] filters = new byte[40][];
            MqttQos[] qos = new MqttQos[40];
            for (int i = 0; i < filters.Length; i++)
            {
                filters[i] = PacketBytes.Utf8("sensors/+/" + i);
                qos[i] = (MqttQos)(i % 3);
            }

            cases.Add("SUBSCRIBE one filter", new SubscribeCase { PacketId = 1, Filters = filters, Qos = qos, First = 3, Count = 1 });
            cases.Add("SUBSCRIBE, two-byte remaining length", new SubscribeCase { PacketId = 1, Filters = filters, Qos = qos, First = 0, Count = 40 });
            cases.Add("SUBACK", new SubackCase { PacketId = 7, Codes = new byte[] { 0, 1, 2, 0x80 } });
            cases.Add("SUBACK, two-byte remaining length", new SubackCase { PacketId = 7, Codes = new byte[300] });
            cases.Add("UNSUBSCRIBE one filter", new UnsubscribeCase { PacketId = 9, Filters = filters, First = 39, Count = 1 });
            cases.Add("UNSUBSCRIBE, two-byte remaining length", new UnsubscribeCase { PacketId = 9, Filters = filters, First = 0, Count = 40 });
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

        private static PublishCase Publish(string topic, MqttQos qos, int payloadCount, bool asBytes)
        {
            return new PublishCase
            {
                Topic = topic,
                TopicAsBytes = asBytes,
                Qos = qos,
                PacketId = qos == MqttQos.AtMostOnce ? 0 : 513,
                PayloadArray = new byte[payloadCount + 2],
                PayloadOffset = 1,
                PayloadCount = payloadCount,
            };
        }

        private static byte[] Filled(int length)
        {
            byte[] buffer = new byte[length];
            Array.Fill(buffer, Untouched);
            return buffer;
        }
    }
}
