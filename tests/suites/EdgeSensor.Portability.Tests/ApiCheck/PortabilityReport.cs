using System.Collections.Generic;
using System.Linq;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>The outcome of checking a set of assemblies against the nanoFramework API listing.</summary>
sealed class PortabilityReport
{
    public PortabilityReport(
        IReadOnlyList<PortabilityViolation> violations,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> nanoAssembliesUsedBy)
    {
        Violations = violations;
        NanoAssembliesUsedBy = nanoAssembliesUsedBy;
    }

    public IReadOnlyList<PortabilityViolation> Violations { get; }

    /// <summary>Per checked assembly, the nanoFramework assemblies (nanoframework-api-v1.txt's first column) its code relies on.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> NanoAssembliesUsedBy { get; }

    public string Describe()
    {
        return Violations.Count == 0
            ? "No violations."
            : Violations.Count + " violation(s):\n" + string.Join("\n", Violations.Select(violation => "  " + violation));
    }
}
