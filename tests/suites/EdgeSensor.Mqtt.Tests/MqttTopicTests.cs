using System;
using System.Text;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests;

/// <summary>
/// Matching against a reference reading of section 4.7 over random filters and topics. The 111 hand-written rows
/// (names, filters, matches) are checked on nanoCLR and here through the NanoTests (TopicValidationTests,
/// TopicMatchingTests).
/// </summary>
public class MqttTopicTests
{
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

    static string RandomLevels(Random random, string[] levels, bool mayEndWithHash)
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
    static bool ReferenceMatches(string filter, string topic)
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
