using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeSensor.Portability.Tests.ApiCheck;
using EdgeSensor.Portability.Tests.ProjectFiles;
using Xunit;

namespace EdgeSensor.Portability.Tests;

/// <summary>
/// The .nfproj files cannot be built here (the nanoFramework SDK runs in Visual Studio on Windows), so they
/// are checked for what would silently differ from the net10.0 build: sources left out, and packages that
/// do not match packages.config, nanoframework-api-v1.txt's versions, or what the compiled code needs.
/// </summary>
public sealed class NanoProjectFilesTests
{
    static readonly string[] ExpectedProjects =
    {
        Path.Combine("firmware", "EdgeSensor.Device", "EdgeSensor.Device.nfproj"),
        Path.Combine("firmware", "EdgeSensor.Esp32", "EdgeSensor.Esp32.nfproj"),
        Path.Combine("firmware", "EdgeSensor.Mqtt", "EdgeSensor.Mqtt.nfproj"),
        Path.Combine("firmware", "samples", "EdgeSensor.Sample.MinimalMqtt", "EdgeSensor.Sample.MinimalMqtt.nfproj"),
        Path.Combine("tests", "suites", "EdgeSensor.NanoTests", "Device", "EdgeSensor.NanoTests.Device.nfproj"),
        Path.Combine("tests", "suites", "EdgeSensor.NanoTests", "Mqtt", "EdgeSensor.NanoTests.Mqtt.nfproj"),
        Path.Combine("tests", "tools", "EdgeSensor.NanoBenchmarks", "EdgeSensor.NanoBenchmarks.nfproj"),
    };

    public static IEnumerable<object[]> Projects => NanoProjects.RelativePaths().Select(path => new object[] { path });

    [Fact]
    public void FindsEveryNanoFrameworkProject()
    {
        Assert.Equal(ExpectedProjects.OrderBy(path => path, System.StringComparer.Ordinal), NanoProjects.RelativePaths());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void CompilesEverySourceFileInItsFolderAndNoMissingOne(string project)
    {
        AssertNoProblems(NanoProjectChecker.CheckSources(Load(project)));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ReferencesOnlyPackagesItsPackagesConfigListsAtApiListingVersions(string project)
    {
        AssertNoProblems(NanoProjectChecker.CheckPackageReferences(Load(project), RepositoryPaths.Packages, Listing().Packages));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ReferencesProjectsThatExist(string project)
    {
        AssertNoProblems(NanoProjectChecker.CheckProjectReferences(Load(project)));
    }

    [Theory]
    [InlineData("EdgeSensor.Mqtt")]
    [InlineData("EdgeSensor.Device")]
    public void PortableLibraryListsThePackageOfEveryNanoFrameworkAssemblyItsCodeUses(string library)
    {
        PortabilityReport report = PortableAssembliesTests.CheckPortableAssemblies();
        string packagesConfig = Path.Combine(RepositoryPaths.Root, "firmware", library, "packages.config");

        AssertNoProblems(NanoProjectChecker.CheckPackagesCoverAssemblies(
            packagesConfig, report.NanoAssembliesUsedBy[library], Listing().Packages));
    }

    static NanoProjectFile Load(string project)
    {
        return NanoProjectFile.Load(Path.Combine(RepositoryPaths.Root, project));
    }

    static ApiListing Listing()
    {
        return ApiListing.Load(RepositoryPaths.ApiListingFile);
    }

    static void AssertNoProblems(IEnumerable<string> problems)
    {
        string[] found = problems.ToArray();
        Assert.True(found.Length == 0, string.Join("\n", found));
    }
}
