using EdgeSensor.Portability.Tests.ApiCheck;
using Xunit;

namespace EdgeSensor.Portability.Tests;

/// <summary>The portable libraries, as compiled for net10.0, use nothing a nanoFramework 1.x device lacks.</summary>
public sealed class PortableAssembliesTests
{
    internal static readonly string[] PortableAssemblyFiles = { "EdgeSensor.Mqtt.dll", "EdgeSensor.Device.dll" };

    [Fact]
    public void PortableAssembliesUseOnlyTheNanoFrameworkApi()
    {
        PortabilityReport report = CheckPortableAssemblies();

        Assert.True(report.Violations.Count == 0, report.Describe());
    }

    [Fact]
    public void ReportNamesTheNanoFrameworkAssembliesEachPortableAssemblyUses()
    {
        PortabilityReport report = CheckPortableAssemblies();

        // Every assembly derives from System.Object and carries attributes from mscorlib.
        Assert.Contains("mscorlib", report.NanoAssembliesUsedBy["EdgeSensor.Mqtt"]);
        Assert.Contains("mscorlib", report.NanoAssembliesUsedBy["EdgeSensor.Device"]);
    }

    [Fact]
    public void PortableProjectsArePinnedToCSharp10AsTheDeviceBuildIs()
    {
        // The check excuses [module: RefSafetyRules] only on this premise; see CompilerLoweringAllowances.
        foreach (string project in PortableBuildSettings.PortableProjects)
        {
            Assert.True(PortableBuildSettings.LangVersionOf(project) is <= 10m, $"{project} must build with LangVersion 10 or lower.");
        }
    }

    internal static PortabilityReport CheckPortableAssemblies()
    {
        return PortabilityChecker.Check(
            ApiListing.Load(RepositoryPaths.ApiListingFile),
            TestOutputAssemblies.Paths(PortableAssemblyFiles),
            PortableBuildSettings.CheckOptions());
    }
}
