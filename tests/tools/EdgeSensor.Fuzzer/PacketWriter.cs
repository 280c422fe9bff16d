using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Fuzzer;

/// <summary>
/// Writes valid MQTT 3.1.1 packets of every type byte by byte, without the library's encoder (so that the
/// encoder's habits, such as always using the shortest remaining length, are not all the decoder sees).
/// Each packet is built in a scratch body, then framed into the case buffer.
/// </summary>
public sealed class PacketWriter
{
    /// <summary>Characters of 1 to 4 UTF-8 bytes; none is a wildcard, a separator or U+0000.</summary>
    static readonly byte[][] AtomBytes = EncodeAtoms("a", "b", "z", "Z", "0", "9", " ", "-", "_", ".", "$", "~", "\u007F",
        "é", "ß", "\u0080", "\u07FF", "€", "語", "\u0800", "\uFEFF", "\uFFFD", "😀", "𝄞", "\U0010FFFF");

    /// <summary>What a broker sends a client: the session must accept any sequence of these.</summary>
    static readonly MqttPacketType[] ServerToClient =
    {
        MqttPacketType.Publish, MqttPacketType.Publish, MqttPacketType.Publish, MqttPacketType.Puback, MqttPacketType.Pubrec,
        MqttPacketType.Pubrel, MqttPacketType.Pubcomp, MqttPacketType.Suback, MqttPacketType.Unsuback, MqttPacketType.Pingresp,
    };

    readonly FuzzRandom random;
    readonly byte[] body = new byte[FuzzCase.Capacity];

    /// <summary>The largest PUBLISH payload written; above the session's receive buffer so that streaming and skipping run.</summary>
    public int MaxPayload = 1200;

    public PacketWriter(FuzzRandom random)
    {
        this.random = random;
    }

    /// <summary>Writes one packet of any of the 14 types at <paramref name="offset"/>; returns its length.</summary>
    public int AnyPacket(byte[] target, int offset)
    {
        return Packet(target, offset, (MqttPacketType)random.Next(1, 15));
    }

    public int ServerPacket(byte[] target, int offset)
    {
        return Packet(target, offset, ServerToClient[random.Next(ServerToClient.Length)]);
    }

    public int Packet(byte[] target, int offset, MqttPacketType type)
    {
        int flags = 0;
        int length;
        switch (type)
        {
            case MqttPacketType.Connect: length = Connect(); break;
            case MqttPacketType.Connack:
                int code = random.OneIn(2) ? 0 : random.Next(6);
                body[0] = (byte)(code == 0 && random.OneIn(2) ? 1 : 0); // a refusal never has a session [MQTT-3.2.2-4]
                body[1] = (byte)code;
                length = 2;
                break;
            case MqttPacketType.Publish: length = Publish(out flags); break;
            case MqttPacketType.Subscribe: flags = 2; length = FilterList(true); break;
            case MqttPacketType.Unsubscribe: flags = 2; length = FilterList(false); break;
            case MqttPacketType.Suback:
                length = PacketId(0);
                for (int n = random.Next(1, 6); n > 0; n--) body[length++] = SubackCode();
                break;
            case MqttPacketType.Pingreq:
            case MqttPacketType.Pingresp:
            case MqttPacketType.Disconnect:
                length = 0;
                break;
            default: // PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK
                flags = type == MqttPacketType.Pubrel ? 2 : 0;
                length = PacketId(0);
                break;
        }
        return Frame(target, offset, ((int)type << 4) | flags, length);
    }

    /// <summary>Fixed header then body; the remaining length sometimes uses more bytes than it needs, which 3.1.1 allows.</summary>
    int Frame(byte[] target, int offset, int firstByte, int bodyLength)
    {
        target[offset] = (byte)firstByte;
        int at = offset + 1 + WriteRemainingLength(target, offset + 1, bodyLength, random.OneIn(16) ? random.Next(1, 4) : 0);
        System.Array.Copy(body, 0, target, at, bodyLength);
        return at + bodyLength - offset;
    }

    /// <summary>A remaining length with <paramref name="padding"/> extra continuation bytes, never more than four in all.</summary>
    public static int WriteRemainingLength(byte[] target, int offset, int value, int padding)
    {
        int written = RemainingLength.Write(target, offset, value);
        while (padding-- > 0 && written < 4)
        {
            target[offset + written - 1] |= 0x80;
            target[offset + written] = 0;
            written++;
        }
        return written;
    }

    int Connect()
    {
        int p = String(0, "MQTT"u8);
        body[p++] = 4;
        bool will = random.OneIn(2);
        bool user = random.OneIn(2);
        bool password = user && random.OneIn(2);
        int flags = (random.OneIn(2) ? 0x02 : 0) | (will ? 0x04 | (random.Next(3) << 3) | (random.OneIn(2) ? 0x20 : 0) : 0)
            | (user ? 0x80 : 0) | (password ? 0x40 : 0);
        body[p++] = (byte)flags;
        body[p++] = random.NextByte();
        body[p++] = random.NextByte();
        p = Text(p, 0, 23);
        if (will)
        {
            p = TopicName(p);
            p = Binary(p, 40);
        }
        if (user) p = Text(p, 0, 12);
        if (password) p = Binary(p, 40);
        return p;
    }

    int Publish(out int flags)
    {
        int qos = random.Next(3);
        flags = (qos << 1) | (random.OneIn(2) ? 1 : 0) | (qos > 0 && random.OneIn(2) ? 8 : 0);
        int p = TopicName(0);
        if (qos > 0) p = PacketId(p);
        int payload = random.OneIn(8) ? random.Next(MaxPayload + 1) : random.Next(33);
        random.Fill(body, p, payload);
        return p + payload;
    }

    int FilterList(bool withQos)
    {
        int p = PacketId(0);
        for (int n = random.Next(1, 5); n > 0; n--)
        {
            p = TopicFilter(p);
            if (withQos) body[p++] = (byte)random.Next(3);
        }
        return p;
    }

    byte SubackCode()
    {
        int pick = random.Next(4);
        return (byte)(pick == 3 ? 0x80 : pick);
    }

    int PacketId(int p)
    {
        int id = random.OneIn(8) ? (random.OneIn(2) ? 1 : 65535) : random.Next(1, 65536);
        body[p] = (byte)(id >> 8);
        body[p + 1] = (byte)id;
        return p + 2;
    }

    /// <summary>Levels of random characters joined by '/': never empty, never a wildcard.</summary>
    int TopicName(int p)
    {
        int start = p + 2;
        int q = start;
        for (int level = random.Next(1, 5); level > 0; level--)
        {
            if (q > start) body[q++] = (byte)'/';
            q = Atoms(q, random.Next(6));
        }
        if (q == start) body[q++] = (byte)'t';
        return Prefix(p, q - start);
    }

    /// <summary>Names, '+' levels and sometimes a last '#' level.</summary>
    int TopicFilter(int p)
    {
        int start = p + 2;
        int q = start;
        for (int level = random.Next(1, 4); level > 0; level--)
        {
            if (q > start) body[q++] = (byte)'/';
            if (random.OneIn(4)) body[q++] = (byte)'+';
            else q = Atoms(q, random.Next(5));
        }
        if (random.OneIn(4)) { if (q > start) body[q++] = (byte)'/'; body[q++] = (byte)'#'; }
        if (q == start) body[q++] = (byte)'#';
        return Prefix(p, q - start);
    }

    int Text(int p, int minAtoms, int maxAtoms)
    {
        int q = Atoms(p + 2, random.Next(minAtoms, maxAtoms + 1));
        return Prefix(p, q - p - 2);
    }

    int Binary(int p, int max)
    {
        int length = random.Next(max + 1);
        random.Fill(body, p + 2, length);
        return Prefix(p, length);
    }

    int String(int p, System.ReadOnlySpan<byte> value)
    {
        value.CopyTo(new System.Span<byte>(body, p + 2, value.Length));
        return Prefix(p, value.Length);
    }

    /// <summary>Writes the two-byte length of the string already placed behind it; returns the string's end.</summary>
    int Prefix(int p, int length)
    {
        body[p] = (byte)(length >> 8);
        body[p + 1] = (byte)length;
        return p + 2 + length;
    }

    int Atoms(int q, int count)
    {
        for (int i = 0; i < count; i++)
        {
            byte[] atom = AtomBytes[random.Next(AtomBytes.Length)];
            System.Array.Copy(atom, 0, body, q, atom.Length);
            q += atom.Length;
        }
        return q;
    }

    static byte[][] EncodeAtoms(params string[] atoms)
    {
        byte[][] encoded = new byte[atoms.Length][];
        for (int i = 0; i < atoms.Length; i++) encoded[i] = System.Text.Encoding.UTF8.GetBytes(atoms[i]);
        return encoded;
    }
}
