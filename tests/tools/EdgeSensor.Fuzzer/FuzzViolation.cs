using System;

namespace EdgeSensor.Fuzzer;

/// <summary>An input was handled wrongly without throwing: a broken invariant, a hang, a valid input refused.</summary>
public sealed class FuzzViolation : Exception
{
    public FuzzViolation(string message) : base(message) { }
}
