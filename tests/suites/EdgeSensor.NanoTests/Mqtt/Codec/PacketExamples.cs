namespace EdgeSensor.NanoTests.Codec;

/// <summary>
/// The hand-written example of every packet family, exact bytes. The one copy of these vectors: the NanoTests check
/// the firmware's encoder and decoder against them on nanoCLR and on the desktop, and the desktop suite
/// (tests/suites/EdgeSensor.Mqtt.Tests) compiles this file too, for the broker-side decoder and the property tests.
/// Written as hex (upper case, no spaces) rather than byte array initializers: on nanoFramework each array
/// initializer is a field with a 64-character name in the assembly's string table, which is nearly full.
/// </summary>
public static class PacketExamples
{
    public static readonly byte[] ConnectMinimal = Hex(
        "100D" +          // CONNECT, remaining length 13
        "00044D515454" +  // protocol name "MQTT" [MQTT-3.1.2-1]
        "04" +            // protocol level 4 [MQTT-3.1.2-2]
        "02" +            // connect flags: clean session
        "003C" +          // keep alive 60 s
        "000161");        // client identifier "a"

    /// <summary>The flags of figure 3.6 (0xCE): user name, password, will QoS 1, will, clean session; keep alive 10.</summary>
    public static readonly byte[] ConnectFull = Hex(
        "101E" +          // CONNECT, remaining length 30
        "00044D515454" +  // protocol name "MQTT"
        "04" +            // protocol level 4
        "CE" +            // flags 1100 1110
        "000A" +          // keep alive 10 s
        "00026331" +      // client identifier "c1"
        "0003772F74" +    // will topic "w/t"
        "00020102" +      // will message 01 02
        "000175" +        // user name "u"
        "00027077");      // password "pw"

    /// <summary>An empty client identifier, the longest keep alive and a user name of 2-, 3- and 4-byte characters.</summary>
    public static readonly byte[] ConnectMultiByteUserName = Hex(
        "1017" +            // CONNECT, remaining length 23
        "00044D51545404" +  // "MQTT", level 4
        "82" +              // flags: user name, clean session
        "FFFF" +            // keep alive 65535 s, big-endian
        "0000" +            // zero-length client identifier [MQTT-3.1.3-6]
        "0009" +            // user name: 9 bytes
        "C3A9" +            // U+00E9
        "E282AC" +          // U+20AC
        "F09F9880");        // U+1F600

    /// <summary>Will message and password are binary: 00, FF and a lone continuation byte, refused in a UTF-8 field.</summary>
    public static readonly byte[] ConnectBinaryFields = Hex(
        "101C" +            // CONNECT, remaining length 28
        "00044D51545404" +  // "MQTT", level 4
        "C6" +              // flags: user name, password, will QoS 0, will, clean session
        "003C" +            // keep alive 60 s
        "000163" +          // client identifier "c"
        "000177" +          // will topic "w"
        "000300FF80" +      // will message 00 FF 80
        "000175" +          // user name "u"
        "0002FF00");        // password FF 00

    public static readonly byte[] ConnackSessionPresent = Hex(
        "2002" +  // CONNACK, remaining length 2
        "01" +    // acknowledge flags: session present
        "00");    // return code 0, accepted

    public static readonly byte[] ConnackNotAuthorized = Hex(
        "2002" +  // CONNACK, remaining length 2
        "00" +    // no session present [MQTT-3.2.2-4]
        "05");    // return code 5, not authorized

    public static readonly byte[] PublishQos0 = Hex(
        "3007" +        // PUBLISH, QoS 0, remaining length 7
        "0003612F62" +  // topic name "a/b"
        "6869");        // payload "hi" (no packet identifier at QoS 0 [MQTT-2.3.1-5])

    /// <summary>Figure 3.11's variable header: topic "a/b", packet identifier 10.</summary>
    public static readonly byte[] PublishQos1 = Hex(
        "3209" +        // PUBLISH, QoS 1, remaining length 9
        "0003612F62" +  // topic name "a/b"
        "000A" +        // packet identifier 10
        "6869");        // payload "hi"

    public static readonly byte[] PublishQos2RetainDup = Hex(
        "3D09" +        // PUBLISH, DUP, QoS 2, RETAIN: 0011 1101
        "0003612F62" +  // topic name "a/b"
        "FFFF" +        // packet identifier 65535
        "6869");        // payload "hi"

    public static readonly byte[] PublishRetainedEmpty = Hex(
        "3105" +        // PUBLISH, QoS 0, RETAIN, remaining length 5
        "0003612F62");  // topic name "a/b"; no payload: a retained empty message clears [MQTT-3.3.1-10]

    public static readonly byte[] PublishMultiByteTopic = Hex(
        "320C" +      // PUBLISH, QoS 1, remaining length 12
        "0008" +      // topic name: 8 bytes
        "E282AC" +    // U+20AC
        "2F" +        // /
        "F09F9880" +  // U+1F600
        "1234");      // packet identifier 0x1234

    public static readonly byte[] Puback = Hex("4002000A");  // PUBACK, remaining length 2, packet identifier 10
    public static readonly byte[] Pubrec = Hex("5002000A");  // PUBREC, remaining length 2, packet identifier 10
    public static readonly byte[] Pubrel = Hex("6202000A");  // PUBREL, flags 0010 [MQTT-3.6.1-1], packet identifier 10
    public static readonly byte[] Pubcomp = Hex("7002000A"); // PUBCOMP, remaining length 2, packet identifier 10

    /// <summary>Figure 3.22's two filters, and a third with both wildcards.</summary>
    public static readonly byte[] Subscribe = Hex(
        "8214" +        // SUBSCRIBE, flags 0010 [MQTT-3.8.1-1], remaining length 20
        "000A" +        // packet identifier 10
        "0003612F62" +  // filter "a/b"
        "01" +          // requested QoS 1
        "0003632F64" +  // filter "c/d"
        "02" +          // requested QoS 2
        "00032B2F23" +  // filter "+/#"
        "00");          // requested QoS 0

    /// <summary>Figure 3.26's return codes: granted QoS 0, 1, 2, and failure.</summary>
    public static readonly byte[] Suback = Hex(
        "9006" +      // SUBACK, remaining length 6
        "000A" +      // packet identifier 10
        "00010280");  // one return code per filter [MQTT-3.8.4-5], in order [MQTT-3.9.3-1]

    /// <summary>Figure 3.28's filters.</summary>
    public static readonly byte[] Unsubscribe = Hex(
        "A20C" +        // UNSUBSCRIBE, flags 0010 [MQTT-3.10.1-1], remaining length 12
        "000A" +        // packet identifier 10
        "0003612F62" +  // filter "a/b"
        "0003632F64");  // filter "c/d"

    public static readonly byte[] Unsuback = Hex("B002000A"); // UNSUBACK, remaining length 2, packet identifier 10

    public static readonly byte[] Pingreq = Hex("C000");    // PINGREQ, remaining length 0
    public static readonly byte[] Pingresp = Hex("D000");   // PINGRESP, remaining length 0
    public static readonly byte[] Disconnect = Hex("E000"); // DISCONNECT, remaining length 0

    /// <summary>The examples by name, for tests that apply to every packet family (and their DataRows).</summary>
    public static readonly string[] Names =
    {
        "CONNECT minimal", "CONNECT full", "CONNACK session present", "CONNACK not authorized",
        "PUBLISH QoS 0", "PUBLISH QoS 1", "PUBLISH QoS 2 retain dup", "PUBLISH retained empty", "PUBLISH multi-byte topic",
        "PUBACK", "PUBREC", "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK",
        "PINGREQ", "PINGRESP", "DISCONNECT",
    };

    static readonly byte[][] All =
    {
        ConnectMinimal, ConnectFull, ConnackSessionPresent, ConnackNotAuthorized,
        PublishQos0, PublishQos1, PublishQos2RetainDup, PublishRetainedEmpty, PublishMultiByteTopic,
        Puback, Pubrec, Pubrel, Pubcomp, Subscribe, Suback, Unsubscribe, Unsuback,
        Pingreq, Pingresp, Disconnect,
    };

    static byte[] Hex(string hex)
    {
        byte[] bytes = new byte[hex.Length / 2];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)((Digit(hex[2 * i]) << 4) | Digit(hex[2 * i + 1]));
        return bytes;
    }

    static int Digit(char c) => c <= '9' ? c - '0' : c - 'A' + 10;

    public static byte[] Named(string name)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (Names[i] == name) return All[i];
        }
        return null;
    }
}
