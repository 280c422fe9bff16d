namespace EdgeSensor.Fuzzer;

/// <summary>
/// Makes case <c>k</c> of a seed: valid packets and streams, the same with random damage (bit flips, byte
/// inserts and deletes, truncation, corrupted remaining lengths), random bytes, and headers announcing
/// huge packets. Everything is written into the case's reused buffer.
/// </summary>
public sealed class CaseGenerator
{
    /// <summary>Bytes that tend to sit on a boundary: lengths, flags, UTF-8 leads, wildcards, separators.</summary>
    static readonly byte[] Interesting = { 0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0xC0, 0xC2, 0xE0, 0xED, 0xF4, 0xFF, 0x2B, 0x23, 0x2F, 0x30, 0x32, 0x34, 0x62 };

    readonly FuzzRandom random;
    readonly PacketWriter writer;

    public CaseGenerator(FuzzRandom random)
    {
        this.random = random;
        writer = new PacketWriter(random);
    }

    public void Generate(FuzzCase c, FuzzTarget target)
    {
        // A session accepts only what a broker sends, so it mostly gets those; the decoder gets every type.
        bool serverOnly = target == FuzzTarget.Session && !random.OneIn(8);
        int pick = random.Next(100);
        c.Kind = pick < 10 ? CaseKind.ValidPacket
            : pick < 45 ? CaseKind.MutatedPacket
            : pick < 55 ? CaseKind.RandomBytes
            : pick < 62 ? CaseKind.HugeRemainingLength
            : pick < 75 ? CaseKind.ValidStream
            : CaseKind.MutatedStream;
        c.ServerToClientOnly = serverOnly && c.IsValid;
        c.ByteAtATime = random.OneIn(4);
        switch (c.Kind)
        {
            case CaseKind.ValidPacket: c.Length = Packet(c.Bytes, 0, serverOnly); break;
            case CaseKind.MutatedPacket: c.Length = Mutate(c.Bytes, Packet(c.Bytes, 0, serverOnly)); break;
            case CaseKind.RandomBytes:
                c.Length = random.Next(random.OneIn(4) ? 2048 : 64);
                random.Fill(c.Bytes, 0, c.Length);
                break;
            case CaseKind.HugeRemainingLength: c.Length = Huge(c.Bytes, serverOnly); break;
            case CaseKind.ValidStream: c.Length = Stream(c.Bytes, serverOnly); break;
            default: c.Length = Mutate(c.Bytes, Stream(c.Bytes, serverOnly)); break;
        }
    }

    int Packet(byte[] target, int offset, bool serverOnly)
    {
        return serverOnly ? writer.ServerPacket(target, offset) : writer.AnyPacket(target, offset);
    }

    int Stream(byte[] target, bool serverOnly)
    {
        int length = 0;
        for (int n = random.Next(2, 21); n > 0 && length < FuzzCase.Capacity - 4096; n--) length += Packet(target, length, serverOnly);
        return length;
    }

    /// <summary>A header whose remaining length is at or beyond the limit, then a little of what it announces.</summary>
    int Huge(byte[] target, bool serverOnly)
    {
        int p = 0;
        target[p++] = serverOnly || random.OneIn(2) ? (byte)(0x30 | (random.Next(3) << 1)) : random.NextByte();
        target[p++] = 0xFF;
        target[p++] = 0xFF;
        target[p++] = 0xFF;
        target[p++] = random.OneIn(4) ? random.NextByte() : (byte)0x7F; // a set top bit asks for a fifth byte: malformed
        if (random.OneIn(2))
        {
            // A plausible PUBLISH variable header, so the session gets as far as streaming or skipping the payload.
            int topic = random.Next(1, 40);
            target[p++] = 0;
            target[p++] = (byte)topic;
            for (int i = 0; i < topic; i++) target[p++] = (byte)random.Next('a', 'z' + 1);
            target[p++] = 0;
            target[p++] = (byte)random.Next(1, 256);
        }
        int tail = random.Next(random.OneIn(4) ? 4096 : 300);
        random.Fill(target, p, tail);
        return p + tail;
    }

    /// <summary>One to four damages of <paramref name="length"/> bytes in place; returns the new length.</summary>
    int Mutate(byte[] b, int length)
    {
        for (int n = random.Next(1, 5); n > 0; n--)
        {
            int at = length == 0 ? 0 : random.Next(length);
            switch (random.Next(length == 0 ? 1 : 8))
            {
                case 0: length = Insert(b, length, at); break;
                case 1: b[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: b[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 3: b[at] = random.NextByte(); break;
                case 4: length = Delete(b, length, at, random.Next(1, 4)); break;
                case 5: length = at; break; // truncation
                case 6: CorruptRemainingLength(b, length); break;
                default: b[0] = (byte)((random.Next(16) << 4) | random.Next(16)); break; // any type, any flags
            }
        }
        return length;
    }

    int Insert(byte[] b, int length, int at)
    {
        int n = random.Next(1, 4);
        if (length + n > FuzzCase.Capacity) return length;
        System.Array.Copy(b, at, b, at + n, length - at);
        for (int i = 0; i < n; i++) b[at + i] = random.OneIn(2) ? Interesting[random.Next(Interesting.Length)] : random.NextByte();
        return length + n;
    }

    static int Delete(byte[] b, int length, int at, int n)
    {
        if (at + n > length) n = length - at;
        System.Array.Copy(b, at + n, b, at, length - at - n);
        return length - n;
    }

    /// <summary>Rewrites the first packet's remaining length: off by a little, zero, huge, or with a bad continuation byte.</summary>
    void CorruptRemainingLength(byte[] b, int length)
    {
        if (length < 2) return;
        switch (random.Next(4))
        {
            case 0: b[1] = (byte)(b[1] + random.Next(-3, 4)); break;
            case 1: b[1] = 0; break;
            case 2: b[1] |= 0x80; break;
            default:
                int available = length - 1 < 4 ? length - 1 : 4;
                for (int i = 0; i < available; i++) b[1 + i] = random.OneIn(2) ? (byte)0xFF : random.NextByte();
                break;
        }
    }
}
