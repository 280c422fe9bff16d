using System;
using System.Text;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>Random valid packets of every type, from a seeded generator so that failures reproduce.</summary>
static class RandomPackets
{
    /// <summary>Characters of 1 to 4 UTF-8 bytes; none is a wildcard, a separator or U+0000.</summary>
    static readonly string[] Atoms =
    {
        "a", "b", "z", "Z", "0", "9", " ", "-", "_", ".", "$", "~", "\u007F",
        "é", "ß", "\u0080", "\u07FF",
        "€", "語", "\u0800", "\uFEFF", "\uFFFD",
        "😀", "𝄞", "\U0010FFFF",
    };

    static readonly MqttPacketType[] AllTypes =
    {
        MqttPacketType.Connect, MqttPacketType.Connack, MqttPacketType.Publish, MqttPacketType.Puback,
        MqttPacketType.Pubrec, MqttPacketType.Pubrel, MqttPacketType.Pubcomp, MqttPacketType.Subscribe,
        MqttPacketType.Suback, MqttPacketType.Unsubscribe, MqttPacketType.Unsuback, MqttPacketType.Pingreq,
        MqttPacketType.Pingresp, MqttPacketType.Disconnect,
    };

    public static PacketCase Next(Random random, int maxPayload)
    {
        return Next(random, AllTypes[random.Next(AllTypes.Length)], maxPayload);
    }

    public static PacketCase Next(Random random, MqttPacketType type, int maxPayload)
    {
        switch (type)
        {
            case MqttPacketType.Connect: return Connect(random, maxPayload);
            case MqttPacketType.Connack:
                MqttConnectReturnCode code = (MqttConnectReturnCode)random.Next(0, 6);
                // A refusal never comes with a session [MQTT-3.2.2-4].
                return new ConnackCase { Code = code, SessionPresent = code == MqttConnectReturnCode.Accepted && random.Next(2) == 0 };
            case MqttPacketType.Publish: return Publish(random, maxPayload);
            case MqttPacketType.Subscribe: return Subscribe(random);
            case MqttPacketType.Suback:
                byte[] codes = new byte[random.Next(1, 9)];
                for (int i = 0; i < codes.Length; i++)
                {
                    codes[i] = new byte[] { 0x00, 0x01, 0x02, 0x80 }[random.Next(4)];
                }

                return new SubackCase { PacketId = PacketId(random), Codes = codes };
            case MqttPacketType.Unsubscribe:
                int count = random.Next(1, 9);
                int first = random.Next(0, 3);
                return new UnsubscribeCase { PacketId = PacketId(random), Filters = FilterArray(random, first + count + 2), First = first, Count = count };
            case MqttPacketType.Pingreq:
            case MqttPacketType.Pingresp:
            case MqttPacketType.Disconnect:
                return new HeaderOnlyCase { PacketType = type };
            default:
                return new AckCase { AckType = type, PacketId = PacketId(random) };
        }
    }

    public static int PacketId(Random random)
    {
        // Extremes often: a byte-order mistake shows best on 1, 255, 256, 65535.
        int pick = random.Next(8);
        if (pick == 0)
        {
            return new[] { 1, 255, 256, 65535 }[random.Next(4)];
        }

        return random.Next(1, 65536);
    }

    /// <summary>A valid topic name: levels of random characters, possibly empty levels, never empty as a whole.</summary>
    public static string TopicName(Random random)
    {
        StringBuilder name = new StringBuilder();
        int levels = random.Next(1, 6);
        for (int level = 0; level < levels; level++)
        {
            if (level > 0)
            {
                name.Append('/');
            }

            name.Append(Text(random, 6));
        }

        return name.Length == 0 ? "t" : name.ToString();
    }

    /// <summary>A valid topic filter: names, '+' levels, and sometimes a last '#' level.</summary>
    public static string TopicFilter(Random random)
    {
        StringBuilder filter = new StringBuilder();
        int levels = random.Next(1, 5);
        for (int level = 0; level < levels; level++)
        {
            if (level > 0)
            {
                filter.Append('/');
            }

            filter.Append(random.Next(4) == 0 ? "+" : Text(random, 5));
        }

        if (random.Next(4) == 0)
        {
            filter.Append("/#");
        }

        return filter.Length == 0 ? "#" : filter.ToString();
    }

    /// <summary>0 to <paramref name="maxAtoms"/> characters of every UTF-8 length.</summary>
    public static string Text(Random random, int maxAtoms)
    {
        StringBuilder text = new StringBuilder();
        int atoms = random.Next(0, maxAtoms + 1);
        for (int i = 0; i < atoms; i++)
        {
            text.Append(Atoms[random.Next(Atoms.Length)]);
        }

        return text.ToString();
    }

    public static byte[] Bytes(Random random, int maxLength)
    {
        byte[] bytes = new byte[random.Next(0, maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    static ConnectCase Connect(Random random, int maxPayload)
    {
        MqttConnectOptions options = new MqttConnectOptions
        {
            ClientId = Text(random, 23),
            CleanSession = random.Next(2) == 0,
            KeepAliveSeconds = random.Next(3) == 0 ? new[] { 0, 255, 256, 65535 }[random.Next(4)] : random.Next(0, 65536),
        };
        if (random.Next(2) == 0)
        {
            options.WillTopic = TopicName(random);
            options.WillQos = (MqttQos)random.Next(0, 3);
            options.WillRetain = random.Next(2) == 0;
            // A null will message is sent as an empty one.
            options.WillPayload = random.Next(8) == 0 ? null : Bytes(random, Math.Min(maxPayload, 300));
        }

        if (random.Next(2) == 0)
        {
            options.UserName = Text(random, 12);
            if (random.Next(2) == 0)
            {
                options.Password = Bytes(random, 64);
            }
        }

        return new ConnectCase { Options = options };
    }

    static PublishCase Publish(Random random, int maxPayload)
    {
        MqttQos qos = (MqttQos)random.Next(0, 3);
        int count = random.Next(0, maxPayload + 1);
        int before = random.Next(0, 4);
        byte[] payloadArray = new byte[before + count + random.Next(0, 4)];
        random.NextBytes(payloadArray);
        return new PublishCase
        {
            Topic = TopicName(random),
            TopicAsBytes = random.Next(2) == 0,
            Qos = qos,
            PacketId = qos == MqttQos.AtMostOnce ? 0 : PacketId(random),
            Retain = random.Next(2) == 0,
            Dup = qos != MqttQos.AtMostOnce && random.Next(2) == 0,
            PayloadArray = payloadArray,
            PayloadOffset = before,
            PayloadCount = count,
        };
    }

    static SubscribeCase Subscribe(Random random)
    {
        int count = random.Next(1, 9);
        int first = random.Next(0, 3);
        int total = first + count + 2;
        MqttQos[] qos = new MqttQos[total];
        for (int i = 0; i < total; i++)
        {
            qos[i] = (MqttQos)random.Next(0, 3);
        }

        return new SubscribeCase { PacketId = PacketId(random), Filters = FilterArray(random, total), Qos = qos, First = first, Count = count };
    }

    static byte[][] FilterArray(Random random, int total)
    {
        byte[][] filters = new byte[total][];
        for (int i = 0; i < total; i++)
        {
            filters[i] = Encoding.UTF8.GetBytes(TopicFilter(random));
        }

        return filters;
    }
}
