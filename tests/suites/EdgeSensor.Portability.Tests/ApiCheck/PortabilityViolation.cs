namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>One thing the device lacks: the member or type (as a doc ID), who uses it, and why it fails.</summary>
/// <param name="UsedBy">The using method or attribute target, as a doc ID ("assembly X"/"module X" for those).</param>
sealed record PortabilityViolation(string Member, string UsedBy, string Reason)
{
    public override string ToString()
    {
        return $"{Member}  used by  {UsedBy}  ({Reason})";
    }
}
