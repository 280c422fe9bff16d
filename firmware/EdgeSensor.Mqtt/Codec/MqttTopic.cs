namespace EdgeSensor.Mqtt.Codec;

/// <summary>
/// Topic names, topic filters and matching between them (MQTT 3.1.1 section 4.7), on UTF-8
/// bytes in place. Working byte by byte is sound because '/', '+', '#' and '$' are ASCII and
/// no byte of a multi-byte UTF-8 sequence is below 0x80.
/// </summary>
public static class MqttTopic
{
    /// <summary>Longest string a two-byte length prefix can describe [MQTT-4.7.3-3].</summary>
    public const int MaxLength = 65535;

    const byte LevelSeparator = (byte)'/';
    const byte SingleLevelWildcard = (byte)'+';
    const byte MultiLevelWildcard = (byte)'#';
    const byte SystemPrefix = (byte)'$';

    /// <summary>Checks the topic name of a PUBLISH, as sent or as received.</summary>
    public static MqttError ValidateName(byte[] b, int offset, int count)
    {
        MqttError error = ValidateString(b, offset, count);
        if (error != MqttError.None)
        {
            return error;
        }

        int end = offset + count;
        for (int index = offset; index < end; index++)
        {
            if (b[index] == SingleLevelWildcard || b[index] == MultiLevelWildcard)
            {
                // [MQTT-3.3.2-2] [MQTT-4.7.1-1]
                return MqttError.WildcardInTopicName;
            }
        }

        return MqttError.None;
    }

    /// <summary>Checks a topic filter of a SUBSCRIBE or UNSUBSCRIBE.</summary>
    public static MqttError ValidateFilter(byte[] b, int offset, int count)
    {
        MqttError error = ValidateString(b, offset, count);
        if (error != MqttError.None)
        {
            return error;
        }

        int last = offset + count - 1;
        for (int index = offset; index <= last; index++)
        {
            byte current = b[index];
            if (current != SingleLevelWildcard && current != MultiLevelWildcard)
            {
                continue;
            }

            bool startsLevel = index == offset || b[index - 1] == LevelSeparator;
            bool endsLevel = index == last || b[index + 1] == LevelSeparator;
            if (current == SingleLevelWildcard && !(startsLevel && endsLevel))
            {
                // [MQTT-4.7.1-3]
                return MqttError.InvalidTopicFilter;
            }

            if (current == MultiLevelWildcard && !(startsLevel && index == last))
            {
                // [MQTT-4.7.1-2]
                return MqttError.InvalidTopicFilter;
            }
        }

        return MqttError.None;
    }

    /// <summary>
    /// Whether a topic name falls under a topic filter. Both are assumed valid. Comparison is
    /// byte for byte: topics are case sensitive and are not normalised.
    /// </summary>
    public static bool Matches(byte[] filter, int filterOffset, int filterCount, byte[] topic, int topicOffset, int topicCount)
    {
        if (topicCount > 0 && topic[topicOffset] == SystemPrefix && filterCount > 0
            && (filter[filterOffset] == SingleLevelWildcard || filter[filterOffset] == MultiLevelWildcard))
        {
            // $-topics belong to the server; a general wildcard must not reach them [MQTT-4.7.2-1].
            return false;
        }

        int f = filterOffset;
        int filterEnd = filterOffset + filterCount;
        int t = topicOffset;
        int topicEnd = topicOffset + topicCount;

        // Each pass matches one level; f and t start at the first byte of that level.
        while (true)
        {
            if (f < filterEnd && filter[f] == MultiLevelWildcard)
            {
                return true;
            }

            if (f < filterEnd && filter[f] == SingleLevelWildcard)
            {
                f++;
                while (t < topicEnd && topic[t] != LevelSeparator)
                {
                    t++;
                }
            }
            else
            {
                while (f < filterEnd && filter[f] != LevelSeparator)
                {
                    if (t == topicEnd || topic[t] != filter[f])
                    {
                        return false;
                    }

                    f++;
                    t++;
                }

                if (t < topicEnd && topic[t] != LevelSeparator)
                {
                    return false;
                }
            }

            bool filterDone = f == filterEnd;
            bool topicDone = t == topicEnd;
            if (filterDone || topicDone)
            {
                // "sport/#" also matches "sport": '#' includes the parent level.
                return (filterDone && topicDone)
                    || (topicDone && f + 2 == filterEnd && filter[f + 1] == MultiLevelWildcard);
            }

            f++;
            t++;
        }
    }

    static MqttError ValidateString(byte[] b, int offset, int count)
    {
        if (count == 0)
        {
            // [MQTT-4.7.3-1]
            return MqttError.EmptyTopic;
        }

        if (count > MaxLength)
        {
            // [MQTT-4.7.3-3]
            return MqttError.StringTooLong;
        }

        // Also refuses U+0000 [MQTT-4.7.3-2].
        return MqttUtf8.Validate(b, offset, count);
    }
}
