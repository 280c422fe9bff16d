using System.Text;

namespace EdgeSensor.Integration.Tests;

/// <summary>MQTT 3.1.1 packets written out byte by byte, independent of our codec, so broker tests
/// check the broker and the test infrastructure, not our own encoder.</summary>
static class HandBuiltPackets
{
    public static readonly byte[] CleanSessionConnect =
    {
        0x10,                               // fixed header: CONNECT, flags 0
        0x1C,                               // remaining length: 10 (variable header) + 18 (payload) = 28
        0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', // protocol name "MQTT", length-prefixed
        0x04,                               // protocol level 4 = MQTT 3.1.1
        0x02,                               // connect flags: clean session only (no will, no user name, no password)
        0x00, 0x3C,                         // keep alive: 60 s
        0x00, 0x10,                         // client id length: 16
        (byte)'e', (byte)'d', (byte)'g', (byte)'e', (byte)'s', (byte)'e', (byte)'n', (byte)'s',
        (byte)'o', (byte)'r', (byte)'-', (byte)'s', (byte)'m', (byte)'o', (byte)'k', (byte)'e', // client id "edgesensor-smoke"
    };

    /// <summary>CONNACK accepting the connection: return code 0, session present 0 [MQTT-3.2.2-1] (clean session).</summary>
    public static readonly byte[] AcceptedConnack = { 0x20, 0x02, 0x00, 0x00 };

    /// <summary>CONNECT as user "sensor-1" with a password of exactly 6 ASCII characters (so the lengths below hold).</summary>
    public static byte[] ConnectAsSensor1(string sixCharacterPassword)
    {
        var packet = new byte[]
        {
            0x10,                               // fixed header: CONNECT
            0x2D,                               // remaining length: 10 + (2 + 15) + (2 + 8) + (2 + 6) = 45
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', // protocol name "MQTT"
            0x04,                               // protocol level 4 = MQTT 3.1.1
            0xC2,                               // connect flags: user name 0x80, password 0x40, clean session 0x02
            0x00, 0x3C,                         // keep alive: 60 s
            0x00, 0x0F,                         // client id length: 15
            (byte)'e', (byte)'d', (byte)'g', (byte)'e', (byte)'s', (byte)'e', (byte)'n', (byte)'s',
            (byte)'o', (byte)'r', (byte)'-', (byte)'a', (byte)'u', (byte)'t', (byte)'h', // client id "edgesensor-auth"
            0x00, 0x08,                         // user name length: 8
            (byte)'s', (byte)'e', (byte)'n', (byte)'s', (byte)'o', (byte)'r', (byte)'-', (byte)'1', // "sensor-1"
            0x00, 0x06,                         // password length: 6
            0, 0, 0, 0, 0, 0,                   // password, filled in below
        };
        Encoding.ASCII.GetBytes(sixCharacterPassword, 0, 6, packet, packet.Length - 6);
        return packet;
    }

    public static readonly byte[] SubscribeSensorsAndActuators =
    {
        0x82,                               // fixed header: SUBSCRIBE, reserved flags 0b0010 [MQTT-3.8.1-1]
        0x20,                               // remaining length: 2 + (2 + 9 + 1) + (2 + 15 + 1) = 32
        0x00, 0x01,                         // packet id 1
        0x00, 0x09,                         // topic filter length: 9
        (byte)'s', (byte)'e', (byte)'n', (byte)'s', (byte)'o', (byte)'r', (byte)'s', (byte)'/', (byte)'t', // "sensors/t"
        0x00,                               // requested QoS 0
        0x00, 0x0F,                         // topic filter length: 15
        (byte)'a', (byte)'c', (byte)'t', (byte)'u', (byte)'a', (byte)'t', (byte)'o', (byte)'r', (byte)'s', (byte)'/',
        (byte)'r', (byte)'e', (byte)'l', (byte)'a', (byte)'y', // "actuators/relay"
        0x00,                               // requested QoS 0
    };

    public static readonly byte[] SubscribeSensors =
    {
        0x82,                               // fixed header: SUBSCRIBE
        0x0E,                               // remaining length: 2 + (2 + 9 + 1) = 14
        0x00, 0x01,                         // packet id 1
        0x00, 0x09,                         // topic filter length: 9
        (byte)'s', (byte)'e', (byte)'n', (byte)'s', (byte)'o', (byte)'r', (byte)'s', (byte)'/', (byte)'t', // "sensors/t"
        0x00,                               // requested QoS 0
    };

    /// <summary>SUBACK for packet id 1 granting QoS 0 to one filter.</summary>
    public static readonly byte[] SensorsSuback = { 0x90, 0x03, 0x00, 0x01, 0x00 };

    public static readonly byte[] RetainedQos1Temperature =
    {
        0x33,                               // fixed header: PUBLISH, QoS 1 (0x02), retain (0x01)
        0x11,                               // remaining length: (2 + 9) + 2 + 4 = 17
        0x00, 0x09,                         // topic length: 9
        (byte)'s', (byte)'e', (byte)'n', (byte)'s', (byte)'o', (byte)'r', (byte)'s', (byte)'/', (byte)'t', // "sensors/t"
        0x00, 0x01,                         // packet id 1
        (byte)'2', (byte)'1', (byte)'.', (byte)'5', // payload "21.5"
    };

    public static readonly byte[] PubackForPacket1 = { 0x40, 0x02, 0x00, 0x01 };

    /// <summary>The retained temperature as delivered to a QoS 0 subscriber: retain flag set [MQTT-3.3.1-8].</summary>
    public static readonly byte[] RetainedTemperatureAtQos0 =
    {
        0x31,                               // fixed header: PUBLISH, QoS 0, retain
        0x0F,                               // remaining length: (2 + 9) + 4 = 15
        0x00, 0x09,
        (byte)'s', (byte)'e', (byte)'n', (byte)'s', (byte)'o', (byte)'r', (byte)'s', (byte)'/', (byte)'t',
        (byte)'2', (byte)'1', (byte)'.', (byte)'5',
    };

    public static readonly byte[] SensorsAndActuatorsSuback = { 0x90, 0x04, 0x00, 0x01, 0x00, 0x00 };

    public static readonly byte[] RelayOnAtQos0 =
    {
        0x30,                               // fixed header: PUBLISH, QoS 0, not retained
        0x13,                               // remaining length: (2 + 15) + 2 = 19
        0x00, 0x0F,                         // topic length: 15
        (byte)'a', (byte)'c', (byte)'t', (byte)'u', (byte)'a', (byte)'t', (byte)'o', (byte)'r', (byte)'s', (byte)'/',
        (byte)'r', (byte)'e', (byte)'l', (byte)'a', (byte)'y', // "actuators/relay"
        (byte)'o', (byte)'n',               // payload "on"
    };

    /// <summary>Sent as is and, since QoS 0 and not retained, also received as is.</summary>
    public static readonly byte[] TemperatureAtQos0 =
    {
        0x30,                               // fixed header: PUBLISH, QoS 0, not retained
        0x0F,                               // remaining length: (2 + 9) + 4 = 15
        0x00, 0x09,
        (byte)'s', (byte)'e', (byte)'n', (byte)'s', (byte)'o', (byte)'r', (byte)'s', (byte)'/', (byte)'t',
        (byte)'2', (byte)'1', (byte)'.', (byte)'5',
    };

    public static readonly byte[] Pingreq = { 0xC0, 0x00 };

    public static readonly byte[] Pingresp = { 0xD0, 0x00 };
}
