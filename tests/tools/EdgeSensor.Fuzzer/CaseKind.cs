namespace EdgeSensor.Fuzzer;

/// <summary>How a case's bytes were made; valid kinds carry the extra promise that they must be accepted.</summary>
public enum CaseKind
{
    ValidPacket,
    MutatedPacket,
    RandomBytes,

    /// <summary>A fixed header announcing up to 268,435,455 bytes (0xFF 0xFF 0xFF 0x7F), or a malformed fifth length byte.</summary>
    HugeRemainingLength,
    ValidStream,
    MutatedStream,
}
