namespace EdgeSensor.Fuzzer;

/// <summary>One generated input, held in a buffer reused from case to case.</summary>
public sealed class FuzzCase
{
    public const int Capacity = 1 << 16;

    public readonly byte[] Bytes = new byte[Capacity];
    public int Length;
    public CaseKind Kind;

    /// <summary>The session gets these bytes one at a time (a stream split at every possible point).</summary>
    public bool ByteAtATime;

    /// <summary>True when the bytes are well-formed packets a broker may send: the session must stay connected.</summary>
    public bool ServerToClientOnly;

    public bool IsValid => Kind == CaseKind.ValidPacket || Kind == CaseKind.ValidStream;

    public string Hex() => System.Convert.ToHexString(Bytes, 0, Length);
}
