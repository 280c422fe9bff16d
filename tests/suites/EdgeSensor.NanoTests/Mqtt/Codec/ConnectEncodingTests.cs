using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>
/// CONNECT, MQTT 3.1.1 section 3.1, as the client encodes it: exact bytes. The client never decodes a CONNECT
/// (a broker does: the desktop suite decodes these same vectors with the broker side).
/// </summary>
[TestClass]
public class ConnectEncodingTests
{
    static int Encode(MqttConnectOptions options, byte[] buffer) => MqttEncoder.Connect(buffer, PacketBytes.At, options);

    static void AssertEncodes(byte[] expected, MqttConnectOptions options)
    {
        byte[] buffer = PacketBytes.Room(expected.Length);
        PacketBytes.AssertWritten(expected, buffer, Encode(options, buffer));
    }

    [TestMethod]
    public void EncodesAMinimalConnect()
    {
        MqttConnectOptions options = new MqttConnectOptions();
        options.ClientId = "a";
        options.CleanSession = true;
        options.KeepAliveSeconds = 60;

        AssertEncodes(PacketExamples.ConnectMinimal, options);
    }

    [TestMethod]
    public void EncodesEveryFieldInOrder()
    {
        MqttConnectOptions options = new MqttConnectOptions();
        options.ClientId = "c1";
        options.CleanSession = true;
        options.KeepAliveSeconds = 10;
        options.WillTopic = "w/t";
        options.WillPayload = new byte[] { 0x01, 0x02 };
        options.WillQos = MqttQos.AtLeastOnce;
        options.UserName = "u";
        options.Password = new byte[] { 0x70, 0x77 };

        AssertEncodes(PacketExamples.ConnectFull, options);
    }

    /// <summary>willQos -1: no will; credentials 0: neither, 1: user name, 2: user name and password [MQTT-3.1.2-22].</summary>
    [TestMethod]
    [DataRow(false, -1, false, 0)]
    [DataRow(false, -1, false, 1)]
    [DataRow(false, -1, false, 2)]
    [DataRow(false, 0, false, 0)]
    [DataRow(false, 0, false, 1)]
    [DataRow(false, 0, false, 2)]
    [DataRow(false, 0, true, 0)]
    [DataRow(false, 0, true, 1)]
    [DataRow(false, 0, true, 2)]
    [DataRow(false, 1, false, 0)]
    [DataRow(false, 1, false, 1)]
    [DataRow(false, 1, false, 2)]
    [DataRow(false, 1, true, 0)]
    [DataRow(false, 1, true, 1)]
    [DataRow(false, 1, true, 2)]
    [DataRow(false, 2, false, 0)]
    [DataRow(false, 2, false, 1)]
    [DataRow(false, 2, false, 2)]
    [DataRow(false, 2, true, 0)]
    [DataRow(false, 2, true, 1)]
    [DataRow(false, 2, true, 2)]
    [DataRow(true, -1, false, 0)]
    [DataRow(true, -1, false, 1)]
    [DataRow(true, -1, false, 2)]
    [DataRow(true, 0, false, 0)]
    [DataRow(true, 0, false, 1)]
    [DataRow(true, 0, false, 2)]
    [DataRow(true, 0, true, 0)]
    [DataRow(true, 0, true, 1)]
    [DataRow(true, 0, true, 2)]
    [DataRow(true, 1, false, 0)]
    [DataRow(true, 1, false, 1)]
    [DataRow(true, 1, false, 2)]
    [DataRow(true, 1, true, 0)]
    [DataRow(true, 1, true, 1)]
    [DataRow(true, 1, true, 2)]
    [DataRow(true, 2, false, 0)]
    [DataRow(true, 2, false, 1)]
    [DataRow(true, 2, false, 2)]
    [DataRow(true, 2, true, 0)]
    [DataRow(true, 2, true, 1)]
    [DataRow(true, 2, true, 2)]
    public void EveryFlagCombinationOfFigure34(bool clean, int willQos, bool willRetain, int credentials)
    {
        bool hasWill = willQos >= 0;
        MqttConnectOptions options = new MqttConnectOptions();
        options.ClientId = "id";
        options.CleanSession = clean;
        options.KeepAliveSeconds = 300;
        if (hasWill)
        {
            options.WillTopic = "w/t";
            options.WillPayload = new byte[] { 0xA5, 0x00 };
            options.WillQos = (MqttQos)willQos;
            options.WillRetain = willRetain;
        }
        options.UserName = credentials >= 1 ? "u" : null;
        options.Password = credentials == 2 ? new byte[] { 0x00, 0xFF } : null;

        // Figure 3.4: bit 7 user name, 6 password, 5 will retain, 4-3 will QoS, 2 will, 1 clean session, 0 reserved.
        int flags = (clean ? 1 << 1 : 0) | (hasWill ? 1 << 2 : 0) | (hasWill ? willQos << 3 : 0)
            | (willRetain ? 1 << 5 : 0) | (credentials == 2 ? 1 << 6 : 0) | (credentials >= 1 ? 1 << 7 : 0);
        byte[] expected = PacketBytes.Framed(0x10, PacketBytes.Concat(
            PacketBytes.Hex("00044D51545404"), new byte[] { (byte)flags }, PacketBytes.Hex("012C"),
            PacketBytes.Hex("00026964"),                                                      // "id"
            hasWill ? PacketBytes.Hex("0003772F74") : new byte[0],                            // "w/t"
            hasWill ? new byte[] { 0x00, 0x02, 0xA5, 0x00 } : new byte[0],
            credentials >= 1 ? new byte[] { 0x00, 0x01, 0x75 } : new byte[0],
            credentials == 2 ? new byte[] { 0x00, 0x02, 0x00, 0xFF } : new byte[0]));

        AssertEncodes(expected, options);
    }

    [TestMethod]
    public void EncodesAnEmptyIdAndKeepAlive65535()
    {
        MqttConnectOptions options = new MqttConnectOptions();
        options.ClientId = "";
        options.KeepAliveSeconds = 65535;
        options.UserName = "\u00E9\u20AC\uD83D\uDE00";

        AssertEncodes(PacketExamples.ConnectMultiByteUserName, options);
    }

    [TestMethod]
    public void EncodesKeepAliveZeroAsTwoZeroBytes()
    {
        MqttConnectOptions options = new MqttConnectOptions();
        options.ClientId = "";
        options.KeepAliveSeconds = 0;
        options.UserName = "\u00E9\u20AC\uD83D\uDE00";
        byte[] expected = PacketBytes.With(PacketBytes.With(PacketExamples.ConnectMultiByteUserName, 10, 0), 11, 0);

        AssertEncodes(expected, options);
    }

    [TestMethod]
    public void WillAndPasswordAreBinary()
    {
        MqttConnectOptions options = new MqttConnectOptions();
        options.ClientId = "c";
        options.WillTopic = "w";
        options.WillPayload = new byte[] { 0x00, 0xFF, 0x80 };
        options.UserName = "u";
        options.Password = new byte[] { 0xFF, 0x00 };

        AssertEncodes(PacketExamples.ConnectBinaryFields, options);
    }

    [TestMethod]
    public void ClientRefusesAConnectAsUnexpected()
    {
        // A CONNECT only ever travels to a server: the client's strict decoder names it and goes no further.
        MqttPacket p = new MqttPacket();
        Assert.AreEqual((int)MqttError.UnexpectedPacket, (int)PacketBytes.Decode(PacketExamples.ConnectFull, p), "CONNECT");
        Assert.AreEqual((int)MqttPacketType.Connect, (int)p.Type, "type");
    }
}
