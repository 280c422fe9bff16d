namespace EdgeSensor.NanoBenchmarks;

/// <summary>The message every benchmark sends: a telemetry-sized topic and a 16-byte payload, as the desktop benchmarks use.</summary>
public static class Samples
{
    public const string Topic = "edgesensor/dev1/telemetry";

    public static readonly byte[] Payload = new byte[] { 0x7B, 0x22, 0x74, 0x22, 0x3A, 0x32, 0x31, 0x2E, 0x35, 0x2C, 0x22, 0x68, 0x22, 0x3A, 0x34, 0x7D };

    /// <summary>CONNACK, accepted, no session (written out: the firmware has no encoder for a broker's packets).</summary>
    public static readonly byte[] Connack = new byte[] { 0x20, 0x02, 0x00, 0x00 };
}
