using System;
using System.Text;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests
{
    public class MqttTopicTests
    {
        [Theory]
        [InlineData("sport/tennis/player1")]
        [InlineData("sport")]
        [InlineData("/", "one separator: two empty levels")]
        [InlineData("/finance", "leading separator [4.7.3 example]")]
        [InlineData("finance/")]
        [InlineData("a//b", "empty level")]
        [InlineData("Accounts payable", "space allowed [4.7.3 example]")]
        [InlineData("ACCOUNTS")]
        [InlineData("$SYS/broker/load", "$ names are still names")]
        [InlineData("sport/€/😀", "multi-byte characters")]
        [InlineData("\uFEFF", "U+FEFF alone [MQTT-1.5.3-3]")]
        public void ValidateName_accepts(string name, string what = "")
        {
            Padded padded = Padded.Between(Padded.Bytes("+"), Padded.Bytes(name), Padded.Bytes("#"));

            Assert.True(MqttError.None == MqttTopic.ValidateName(padded.Buffer, padded.Offset, padded.Count), name + " " + what);
        }

        [Theory]
        [InlineData("", MqttError.EmptyTopic, "[MQTT-4.7.3-1]")]
        [InlineData("sport/+", MqttError.WildcardInTopicName, "[MQTT-3.3.2-2] [MQTT-4.7.1-1]")]
        [InlineData("sport/#", MqttError.WildcardInTopicName, "[MQTT-3.3.2-2] [MQTT-4.7.1-1]")]
        [InlineData("+", MqttError.WildcardInTopicName, "[MQTT-4.7.1-1]")]
        [InlineData("#", MqttError.WildcardInTopicName, "[MQTT-4.7.1-1]")]
        [InlineData("sport+", MqttError.WildcardInTopicName, "wildcard inside a level [MQTT-4.7.1-1]")]
        [InlineData("a#b", MqttError.WildcardInTopicName, "[MQTT-4.7.1-1]")]
        [InlineData("a\0b", MqttError.InvalidUtf8, "U+0000 [MQTT-4.7.3-2] [MQTT-1.5.3-2]")]
        public void ValidateName_refuses(string name, MqttError expected, string rule)
        {
            Padded padded = Padded.Alone(Padded.Bytes(name));

            Assert.True(expected == MqttTopic.ValidateName(padded.Buffer, padded.Offset, padded.Count), name + " " + rule);
        }

        [Theory]
        [InlineData("73 2F C0 80", "overlong NUL [MQTT-1.5.3-1]")]
        [InlineData("73 2F ED A0 80", "encoded surrogate [MQTT-1.5.3-1]")]
        [InlineData("73 2F F0 9F 98", "truncated sequence [MQTT-1.5.3-1]")]
        public void ValidateName_and_ValidateFilter_refuse_ill_formed_utf8(string hex, string rule)
        {
            byte[] body = Padded.Hex(hex);

            Assert.True(MqttError.InvalidUtf8 == MqttTopic.ValidateName(body, 0, body.Length), rule);
            Assert.True(MqttError.InvalidUtf8 == MqttTopic.ValidateFilter(body, 0, body.Length), rule);
        }

        [Fact]
        public void Names_and_filters_are_limited_to_65535_bytes_MQTT_4_7_3_3()
        {
            byte[] longest = new byte[65535];
            Array.Fill(longest, (byte)'a');
            byte[] tooLong = new byte[65536];
            Array.Fill(tooLong, (byte)'a');

            Assert.Equal(MqttError.None, MqttTopic.ValidateName(longest, 0, longest.Length));
            Assert.Equal(MqttError.None, MqttTopic.ValidateFilter(longest, 0, longest.Length));
            Assert.Equal(MqttError.StringTooLong, MqttTopic.ValidateName(tooLong, 0, tooLong.Length));
            Assert.Equal(MqttError.StringTooLong, MqttTopic.ValidateFilter(tooLong, 0, tooLong.Length));
        }

        [Theory]
        [InlineData("#", "receives every message [4.7.1.2]")]
        [InlineData("sport/tennis/#", "[4.7.1.2]")]
        [InlineData("sport/tennis/player1/#", "[4.7.1.2]")]
        [InlineData("sport/#", "[4.7.1.2]")]
        [InlineData("+", "[4.7.1.3]")]
        [InlineData("+/tennis/#", "[4.7.1.3]")]
        [InlineData("sport/+/player1", "[4.7.1.3]")]
        [InlineData("sport/tennis/+", "[4.7.1.3]")]
        [InlineData("+/+", "[4.7.1.3]")]
        [InlineData("/+", "[4.7.1.3]")]
        [InlineData("+/#")]
        [InlineData("/#")]
        [InlineData("+/+/+/#")]
        [InlineData("$SYS/#", "[4.7.2]")]
        [InlineData("$SYS/monitor/+", "[4.7.2]")]
        [InlineData("//", "empty levels")]
        [InlineData("a/+/", "+ then an empty last level")]
        [InlineData("sport/tennis", "no wildcard")]
        [InlineData("€/+/😀", "multi-byte characters")]
        public void ValidateFilter_accepts(string filter, string source = "")
        {
            Padded padded = Padded.Between(Padded.Bytes("x"), Padded.Bytes(filter), Padded.Bytes("+#"));

            Assert.True(MqttError.None == MqttTopic.ValidateFilter(padded.Buffer, padded.Offset, padded.Count), filter + " " + source);
        }

        [Theory]
        [InlineData("sport/tennis#", "[MQTT-4.7.1-2] # must follow a separator [4.7.1.2]")]
        [InlineData("sport/tennis/#/ranking", "[MQTT-4.7.1-2] # must be last [4.7.1.2]")]
        [InlineData("#/", "[MQTT-4.7.1-2] # must be the last character")]
        [InlineData("##", "[MQTT-4.7.1-2]")]
        [InlineData("#a", "[MQTT-4.7.1-2]")]
        [InlineData("a/#b", "[MQTT-4.7.1-2]")]
        [InlineData("+#", "[MQTT-4.7.1-2] [MQTT-4.7.1-3]")]
        [InlineData("sport+", "[MQTT-4.7.1-3] + must occupy a whole level [4.7.1.3]")]
        [InlineData("+sport", "[MQTT-4.7.1-3]")]
        [InlineData("sport/+tennis/x", "[MQTT-4.7.1-3]")]
        [InlineData("sport/ten+nis", "[MQTT-4.7.1-3]")]
        [InlineData("++", "[MQTT-4.7.1-3]")]
        [InlineData("a/++/b", "[MQTT-4.7.1-3]")]
        public void ValidateFilter_refuses_misplaced_wildcards(string filter, string rule)
        {
            // Padding made of separators would excuse a wildcard if it were read.
            Padded padded = Padded.Between(Padded.Bytes("/"), Padded.Bytes(filter), Padded.Bytes("/"));

            Assert.True(MqttError.InvalidTopicFilter == MqttTopic.ValidateFilter(padded.Buffer, padded.Offset, padded.Count), filter + " " + rule);
        }

        [Fact]
        public void ValidateFilter_refuses_empty_and_nul_MQTT_4_7_3_1_and_4_7_3_2()
        {
            byte[] nul = Padded.Bytes("a/\0");

            Assert.Equal(MqttError.EmptyTopic, MqttTopic.ValidateFilter(Padded.Bytes("#"), 0, 0));
            Assert.Equal(MqttError.InvalidUtf8, MqttTopic.ValidateFilter(nul, 0, nul.Length));
        }

        [Theory]
        // 4.7.1.2 multi-level wildcard
        [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
        [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
        [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
        [InlineData("sport/tennis/player1/#", "sport/tennis/player2", false)]
        [InlineData("sport/#", "sport", true)]
        [InlineData("sport/#", "sport/", true)]
        [InlineData("sport/#", "sports", false)]
        [InlineData("sport/tennis/#", "sport/tennis", true)]
        [InlineData("sport/tennis/#", "sport/tennisball", false)]
        [InlineData("#", "sport/tennis/player1", true)]
        [InlineData("#", "/", true)]
        [InlineData("/#", "/", true)]
        [InlineData("/#", "/finance", true)]
        [InlineData("/#", "finance", false)]
        // 4.7.1.3 single-level wildcard
        [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
        [InlineData("sport/tennis/+", "sport/tennis/player2", true)]
        [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
        [InlineData("sport/+", "sport", false)]
        [InlineData("sport/+", "sport/", true)]
        [InlineData("+", "sport", true)]
        [InlineData("+", "/finance", false)]
        [InlineData("+/+", "/finance", true)]
        [InlineData("/+", "/finance", true)]
        [InlineData("+/tennis/#", "sport/tennis/player1/ranking", true)]
        [InlineData("+/tennis/#", "sport/tennis", true)]
        [InlineData("+/tennis/#", "sport/golf/x", false)]
        [InlineData("sport/+/player1", "sport/tennis/player1", true)]
        [InlineData("sport/+/player1", "sport/tennis/player2", false)]
        [InlineData("+/#", "sport", true)]
        [InlineData("a/+/b", "a//b", true)]
        [InlineData("+/+/+", "a//b", true)]
        [InlineData("a/+/+", "a//", true)]
        // 4.7.2 topics beginning with $ [MQTT-4.7.2-1]
        [InlineData("#", "$SYS/monitor/Clients", false)]
        [InlineData("#", "$SYS", false)]
        [InlineData("+", "$SYS", false)]
        [InlineData("+/#", "$SYS", false)]
        [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
        [InlineData("$SYS/#", "$SYS/monitor/Clients", true)]
        [InlineData("$SYS/#", "$SYS", true)]
        [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
        [InlineData("$SYS/monitor/Clients", "$SYS/monitor/Clients", true)]
        [InlineData("a/+", "a/$b", true)]
        [InlineData("a/#", "a/$b", true)]
        // 4.7.3 exact names: case sensitive, separators significant, empty levels are levels
        [InlineData("ACCOUNTS", "Accounts", false)]
        [InlineData("Accounts payable", "Accounts payable", true)]
        [InlineData("/finance", "finance", false)]
        [InlineData("finance", "/finance", false)]
        [InlineData("a//b", "a//b", true)]
        [InlineData("a/b", "a//b", false)]
        [InlineData("a//b", "a/b", false)]
        [InlineData("a/b", "a/bc", false)]
        [InlineData("a/bc", "a/b", false)]
        [InlineData("a/b/", "a/b", false)]
        [InlineData("a/b", "a/b/", false)]
        [InlineData("a/b/c", "a/b", false)]
        [InlineData("€/+", "€/😀", true)]
        [InlineData("€/😀", "€/😁", false)]
        public void Matches_follows_section_4_7(string filter, string topic, bool expected)
        {
            Padded alone = Padded.Alone(Padded.Bytes(filter));
            Padded aloneTopic = Padded.Alone(Padded.Bytes(topic));
            Assert.Equal(MqttError.None, MqttTopic.ValidateFilter(alone.Buffer, alone.Offset, alone.Count));
            Assert.Equal(MqttError.None, MqttTopic.ValidateName(aloneTopic.Buffer, aloneTopic.Offset, aloneTopic.Count));

            Assert.Equal(expected, MqttTopic.Matches(alone.Buffer, alone.Offset, alone.Count, aloneTopic.Buffer, aloneTopic.Offset, aloneTopic.Count));

            // Padding chosen to change the answer if read: '$' before the topic, more levels after both.
            Padded paddedFilter = Padded.Between(Padded.Bytes("q/"), Padded.Bytes(filter), Padded.Bytes("/#"));
            Padded paddedTopic = Padded.Between(Padded.Bytes("$"), Padded.Bytes(topic), Padded.Bytes("/z"));
            Assert.Equal(expected, MqttTopic.Matches(
                paddedFilter.Buffer, paddedFilter.Offset, paddedFilter.Count,
                paddedTopic.Buffer, paddedTopic.Offset, paddedTopic.Count));
        }

        [Fact]
        public void Matches_agrees_with_a_level_by_level_reference_on_random_filters_and_topics()
        {
            Random random = new Random(4711);
            string[] nameLevels = { string.Empty, "a", "b", "ab", "$a", "a$" };
            string[] filterLevels = { string.Empty, "a", "b", "ab", "$a", "+", "+" };
            int matched = 0;
            int rejected = 0;

            for (int round = 0; round < 20000; round++)
            {
                string topic = RandomLevels(random, nameLevels, false);
                string filter = RandomLevels(random, filterLevels, true);
                byte[] topicBytes = Encoding.UTF8.GetBytes(topic);
                byte[] filterBytes = Encoding.UTF8.GetBytes(filter);
                Assert.Equal(MqttError.None, MqttTopic.ValidateFilter(filterBytes, 0, filterBytes.Length));
                Assert.Equal(MqttError.None, MqttTopic.ValidateName(topicBytes, 0, topicBytes.Length));

                bool expected = ReferenceMatches(filter, topic);
                bool actual = MqttTopic.Matches(filterBytes, 0, filterBytes.Length, topicBytes, 0, topicBytes.Length);

                Assert.True(expected == actual, "filter '" + filter + "' topic '" + topic + "'");
                if (expected)
                {
                    matched++;
                }
                else
                {
                    rejected++;
                }
            }

            Assert.InRange(matched, 1000, 20000);
            Assert.InRange(rejected, 1000, 20000);
        }

        private static string RandomLevels(Random random, string[] levels, bool mayEndWithHash)
        {
            int count = random.Next(1, 5);
            string[] chosen = new string[count];
            for (int i = 0; i < count; i++)
            {
                chosen[i] = levels[random.Next(levels.Length)];
            }

            if (mayEndWithHash && random.Next(3) == 0)
            {
                chosen[count - 1] = "#";
            }

            string joined = string.Join("/", chosen);
            // A single empty level would be an empty topic, which neither side may use [MQTT-4.7.3-1].
            return joined.Length == 0 ? "a" : joined;
        }

        /// <summary>Section 4.7 read as directly as possible, on split strings: the oracle, not the product.</summary>
        private static bool ReferenceMatches(string filter, string topic)
        {
            if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
            {
                return false;
            }

            string[] filterLevels = filter.Split('/');
            string[] topicLevels = topic.Split('/');
            for (int i = 0; i < filterLevels.Length; i++)
            {
                if (filterLevels[i] == "#")
                {
                    // Levels 0..i-1 matched, and '#' takes the parent level itself or any depth below it.
                    return true;
                }

                if (i >= topicLevels.Length)
                {
                    return false;
                }

                if (filterLevels[i] != "+" && filterLevels[i] != topicLevels[i])
                {
                    return false;
                }
            }

            return filterLevels.Length == topicLevels.Length;
        }
    }
}
