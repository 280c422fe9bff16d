using System.Collections.Generic;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.NanoTests.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// CONNECT, MQTT 3.1.1 section 3.1, on the broker side: decoding and its refusals. The client's encoding, exact
/// bytes, is checked on nanoCLR and here through the NanoTests (ConnectEncodingTests, PacketExamples).
/// </summary>
public class ConnectTests
{
    const int FlagsIndex = 9;

    [Fact]
    public void Decodes_a_minimal_connect()
    {
        BrokerPacket p = PacketBytes.DecodeValid(PacketExamples.ConnectMinimal);

        Assert.Equal(MqttPacketType.Connect, p.Type);
        Assert.Equal(4, p.ProtocolLevel);
        Assert.True(p.CleanSession);
        Assert.Equal(60, p.KeepAliveSeconds);
        Assert.Equal("a", PacketBytes.Text(p.Buffer, p.ClientIdOffset, p.ClientIdLength));
        Assert.False(p.HasWill);
        Assert.False(p.HasUserName);
        Assert.False(p.HasPassword);
    }

    [Fact]
    public void Decodes_every_field()
    {
        BrokerPacket p = PacketBytes.DecodeValid(PacketExamples.ConnectFull);

        Assert.True(p.CleanSession);
        Assert.Equal(10, p.KeepAliveSeconds);
        Assert.Equal("c1", PacketBytes.Text(p.Buffer, p.ClientIdOffset, p.ClientIdLength));
        Assert.True(p.HasWill);
        Assert.Equal(MqttQos.AtLeastOnce, p.WillQos);
        Assert.False(p.WillRetain);
        Assert.Equal("w/t", PacketBytes.Text(p.Buffer, p.WillTopicOffset, p.WillTopicLength));
        Assert.Equal(new byte[] { 0x01, 0x02 }, PacketBytes.Slice(p.Buffer, p.WillPayloadOffset, p.WillPayloadLength));
        Assert.True(p.HasUserName);
        Assert.Equal("u", PacketBytes.Text(p.Buffer, p.UserNameOffset, p.UserNameLength));
        Assert.True(p.HasPassword);
        Assert.Equal(new byte[] { 0x70, 0x77 }, PacketBytes.Slice(p.Buffer, p.PasswordOffset, p.PasswordLength));
    }

    public static IEnumerable<object[]> FlagCombinations()
    {
        foreach (bool clean in new[] { false, true })
        {
            // -1: no will.
            foreach (int willQos in new[] { -1, 0, 1, 2 })
            {
                foreach (bool willRetain in willQos < 0 ? new[] { false } : new[] { false, true })
                {
                    // 0: neither, 1: user name, 2: user name and password [MQTT-3.1.2-22].
                    for (int credentials = 0; credentials <= 2; credentials++)
                    {
                        yield return new object[] { clean, willQos, willRetain, credentials };
                    }
                }
            }
        }
    }

    /// <summary>
    /// The broker side decodes what the client encodes, for every flag combination. The exact bytes of each
    /// combination (figure 3.4) are checked on nanoCLR: NanoTests ConnectEncodingTests.EveryFlagCombinationOfFigure34.
    /// </summary>
    [Theory]
    [MemberData(nameof(FlagCombinations))]
    public void Every_flag_combination_decodes_back(bool clean, int willQos, bool willRetain, int credentials)
    {
        bool hasWill = willQos >= 0;
        MqttConnectOptions options = new MqttConnectOptions { ClientId = "id", CleanSession = clean, KeepAliveSeconds = 300 };
        if (hasWill)
        {
            options.WillTopic = "w/t";
            options.WillPayload = new byte[] { 0xA5, 0x00 };
            options.WillQos = (MqttQos)willQos;
            options.WillRetain = willRetain;
        }

        options.UserName = credentials >= 1 ? "u" : null;
        options.Password = credentials == 2 ? new byte[] { 0x00, 0xFF } : null;

        BrokerPacket p = PacketBytes.DecodeValid(PacketBytes.Encoded((b, o) => MqttEncoder.Connect(b, o, options)));
        Assert.Equal(clean, p.CleanSession);
        Assert.Equal(300, p.KeepAliveSeconds);
        Assert.Equal("id", PacketBytes.Text(p.Buffer, p.ClientIdOffset, p.ClientIdLength));
        Assert.Equal(hasWill, p.HasWill);
        Assert.Equal(hasWill ? (MqttQos)willQos : MqttQos.AtMostOnce, p.WillQos);
        Assert.Equal(willRetain, p.WillRetain);
        if (hasWill)
        {
            Assert.Equal("w/t", PacketBytes.Text(p.Buffer, p.WillTopicOffset, p.WillTopicLength));
            Assert.Equal(new byte[] { 0xA5, 0x00 }, PacketBytes.Slice(p.Buffer, p.WillPayloadOffset, p.WillPayloadLength));
        }

        Assert.Equal(credentials >= 1, p.HasUserName);
        Assert.Equal(credentials == 2, p.HasPassword);
        if (credentials == 2)
        {
            Assert.Equal(new byte[] { 0x00, 0xFF }, PacketBytes.Slice(p.Buffer, p.PasswordOffset, p.PasswordLength));
        }
    }

    /// <summary>The client's encoding of these options is checked on nanoCLR (ConnectEncodingTests); here the broker side reads it.</summary>
    [Fact]
    public void Empty_client_id_multi_byte_user_name_and_extreme_keep_alives()
    {
        BrokerPacket p = PacketBytes.DecodeValid(PacketExamples.ConnectMultiByteUserName);
        Assert.Equal(65535, p.KeepAliveSeconds);
        Assert.Equal(0, p.ClientIdLength);
        Assert.Equal("é€😀", PacketBytes.Text(p.Buffer, p.UserNameOffset, p.UserNameLength));

        MqttConnectOptions options = new MqttConnectOptions { ClientId = "", KeepAliveSeconds = 0, UserName = "é€😀" };
        byte[] noKeepAlive = PacketBytes.Encoded((b, o) => MqttEncoder.Connect(b, o, options));
        Assert.Equal(0, PacketBytes.DecodeValid(noKeepAlive).KeepAliveSeconds);
    }

    [Fact]
    public void Will_message_and_password_are_binary_not_text()
    {
        // 00, FF and a lone continuation byte would all be refused in a UTF-8 field.
        BrokerPacket p = PacketBytes.DecodeValid(PacketExamples.ConnectBinaryFields);

        Assert.Equal(new byte[] { 0x00, 0xFF, 0x80 }, PacketBytes.Slice(p.Buffer, p.WillPayloadOffset, p.WillPayloadLength));
        Assert.Equal(new byte[] { 0xFF, 0x00 }, PacketBytes.Slice(p.Buffer, p.PasswordOffset, p.PasswordLength));
    }

    [Theory]
    [InlineData("MQIsdp", 3, "the 3.1 name and level")]
    [InlineData("MQIsdp", 4, "the 3.1 name")]
    [InlineData("mqtt", 4, "case matters")]
    [InlineData("MQT", 4, "")]
    [InlineData("MQTTT", 4, "")]
    [InlineData("", 4, "")]
    public void Refuses_another_protocol_name_MQTT_3_1_2_1(string name, int level, string what)
    {
        byte[] packet = PacketBytes.Framed(0x10, PacketBytes.Concat(
            Field(name), new byte[] { (byte)level, 0x02, 0x00, 0x3C }, Field("a")));

        Assert.True(MqttError.UnknownProtocol == PacketBytes.Decode(packet, new BrokerPacket()), what);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(255)]
    public void Refuses_another_protocol_level_MQTT_3_1_2_2(int level)
    {
        byte[] packet = With(PacketExamples.ConnectMinimal, 8, level);

        Assert.Equal(MqttError.UnknownProtocol, PacketBytes.Decode(packet, new BrokerPacket()));
    }

    [Theory]
    [InlineData(0x01, MqttError.ReservedConnectFlag, "reserved bit [MQTT-3.1.2-3]")]
    [InlineData(0x03, MqttError.ReservedConnectFlag, "reserved bit with clean session [MQTT-3.1.2-3]")]
    [InlineData(0x1C, MqttError.InvalidQos, "will QoS 3 [MQTT-3.1.2-14]")]
    [InlineData(0x08, MqttError.InvalidConnectFlags, "will QoS 1 without will [MQTT-3.1.2-13]")]
    [InlineData(0x10, MqttError.InvalidConnectFlags, "will QoS 2 without will [MQTT-3.1.2-13]")]
    [InlineData(0x18, MqttError.InvalidQos, "will QoS 3 without will [MQTT-3.1.2-13]")]
    [InlineData(0x20, MqttError.InvalidConnectFlags, "will retain without will [MQTT-3.1.2-15]")]
    [InlineData(0x40, MqttError.InvalidConnectFlags, "password without user name [MQTT-3.1.2-22]")]
    public void Refuses_inconsistent_connect_flags(int flags, MqttError expected, string rule)
    {
        byte[] packet = With(PacketExamples.ConnectMinimal, FlagsIndex, flags);

        Assert.True(expected == PacketBytes.Decode(packet, new BrokerPacket()), rule);
    }

    [Theory]
    [InlineData("C0", "lone continuation byte [MQTT-1.5.3-1]")]
    [InlineData("C080", "overlong NUL [MQTT-1.5.3-1]")]
    [InlineData("EDA080", "UTF-16 surrogate D800 encoded [MQTT-1.5.3-1]")]
    [InlineData("EDBFBF", "UTF-16 surrogate DFFF encoded [MQTT-1.5.3-1]")]
    [InlineData("F4908080", "above U+10FFFF [MQTT-1.5.3-1]")]
    [InlineData("6100", "U+0000 [MQTT-1.5.3-2]")]
    public void Refuses_a_client_id_user_name_or_will_topic_that_is_not_MQTT_UTF8(string hex, string rule)
    {
        byte[] bad = Field(System.Convert.FromHexString(hex));

        byte[] badClientId = Connect(0x82, bad, Field("u"));
        byte[] badUserName = Connect(0x82, Field("c"), bad);
        byte[] badWillTopic = Connect(0x06, Field("c"), bad, Field("m"));

        Assert.True(MqttError.InvalidUtf8 == PacketBytes.Decode(badClientId, new BrokerPacket()), "client id " + rule);
        Assert.True(MqttError.InvalidUtf8 == PacketBytes.Decode(badUserName, new BrokerPacket()), "user name " + rule);
        Assert.True(MqttError.InvalidUtf8 == PacketBytes.Decode(badWillTopic, new BrokerPacket()), "will topic " + rule);
    }

    [Theory]
    [InlineData("w/#", MqttError.WildcardInTopicName, "[MQTT-4.7.1-1]")]
    [InlineData("+", MqttError.WildcardInTopicName, "[MQTT-4.7.1-1]")]
    [InlineData("", MqttError.EmptyTopic, "[MQTT-4.7.3-1]")]
    public void Refuses_a_will_topic_that_is_not_a_topic_name(string topic, MqttError expected, string rule)
    {
        byte[] packet = Connect(0x06, Field("c"), Field(topic), Field("m"));

        Assert.True(expected == PacketBytes.Decode(packet, new BrokerPacket()), rule);
    }

    [Theory]
    [InlineData("0005 4D515454", "protocol name")]
    [InlineData("0004 4D515454 04 C6 003C 0005 6331", "client id")]
    [InlineData("0004 4D515454 04 C6 003C 0002 6331 0004 772F74", "will topic")]
    [InlineData("0004 4D515454 04 C6 003C 0002 6331 0003 772F74 0003 0102", "will message")]
    [InlineData("0004 4D515454 04 C6 003C 0002 6331 0003 772F74 0002 0102 0002 75", "user name")]
    [InlineData("0004 4D515454 04 C6 003C 0002 6331 0003 772F74 0002 0102 0001 75 0100 7077", "password")]
    public void Refuses_a_length_prefix_that_points_past_the_end(string body, string field)
    {
        byte[] packet = PacketBytes.Framed(0x10, Padded.Hex(body));

        Assert.True(MqttError.PacketTooShort == PacketBytes.Decode(packet, new BrokerPacket()), field);
    }

    [Theory]
    [InlineData("0004 4D515454 04 02 00", "keep alive cut short")]
    [InlineData("0004 4D515454 04 02 003C", "no client id")]
    [InlineData("0004 4D515454 04 06 003C 0001 63", "will announced, absent [MQTT-3.1.2-9]")]
    [InlineData("0004 4D515454 04 06 003C 0001 63 0001 77", "will topic without will message [MQTT-3.1.2-9]")]
    [InlineData("0004 4D515454 04 82 003C 0001 63", "user name announced, absent [MQTT-3.1.2-19]")]
    [InlineData("0004 4D515454 04 C2 003C 0001 63 0001 75", "password announced, absent [MQTT-3.1.2-21]")]
    public void Refuses_fields_the_flags_announce_but_the_packet_lacks(string body, string what)
    {
        byte[] packet = PacketBytes.Framed(0x10, Padded.Hex(body));

        Assert.True(MqttError.PacketTooShort == PacketBytes.Decode(packet, new BrokerPacket()), what);
    }

    [Theory]
    [InlineData("0004 4D515454 04 02 003C 0001 61 00", "a byte after the client id")]
    [InlineData("0004 4D515454 04 02 003C 0001 61 0001 75", "a user name the flags do not announce")]
    public void Refuses_bytes_after_the_last_announced_field(string body, string what)
    {
        byte[] packet = PacketBytes.Framed(0x10, Padded.Hex(body));

        Assert.True(MqttError.PacketTooLong == PacketBytes.Decode(packet, new BrokerPacket()), what);
    }

    /// <summary>A CONNECT with protocol "MQTT" level 4, the given flags, keep alive 60, then the given fields.</summary>
    static byte[] Connect(int flags, params byte[][] fields)
    {
        return PacketBytes.Framed(0x10, PacketBytes.Concat(
            new byte[] { 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, (byte)flags, 0x00, 0x3C },
            PacketBytes.Concat(fields)));
    }

    static byte[] Field(string text)
    {
        return PacketBytes.Prefixed(PacketBytes.Utf8(text));
    }

    static byte[] Field(byte[] bytes)
    {
        return PacketBytes.Prefixed(bytes);
    }

    internal static byte[] With(byte[] packet, int index, int value)
    {
        byte[] copy = (byte[])packet.Clone();
        copy[index] = (byte)value;
        return copy;
    }
}
