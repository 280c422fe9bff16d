using System;

namespace EdgeSensor.Fuzzer;

/// <summary>A case that crashed or broke an invariant, with everything needed to run it again.</summary>
public sealed class FuzzCrash : Exception
{
    public FuzzCrash(long seed, long caseIndex, FuzzTarget target, FuzzCase c, Exception cause)
        : base("fuzz " + target + " failed at --seed " + seed + " --case " + caseIndex + " (" + c.Kind
            + (c.ByteAtATime ? ", byte at a time" : string.Empty) + ", " + c.Length + " bytes): "
            + cause.GetType().Name + ": " + cause.Message + Environment.NewLine
            + "reproduce: dotnet run -c Release --project tests/tools/EdgeSensor.Fuzzer -- --seed " + seed + " --case " + caseIndex + Environment.NewLine
            + "bytes (hex): " + c.Hex(), cause)
    {
        Seed = seed;
        CaseIndex = caseIndex;
    }

    public long Seed { get; }
    public long CaseIndex { get; }
}
