using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeSensor.Portability.Tests.ApiCheck;
using EdgeSensor.Portability.Tests.ProjectFiles;
using Xunit;

namespace EdgeSensor.Portability.Tests;

/// <summary>The project-file checks fail on a small project written here for the purpose.</summary>
public sealed class NanoProjectCheckerTests : IDisposable
{
    static readonly NanoPackageTable Table = NanoPackageTable.Parse(new[]
    {
        "# assembly   NuGet package id            source",
        "# mscorlib   nanoFramework.CoreLibrary   nanoframework/CoreLibrary@0000000 (main; tag v1.17.11+10)",
        "# System.Net nanoFramework.System.Net    nanoframework/System.Net@0000000 (main; tag v1.11.54)",
    });

    readonly string _root = Path.Combine(Path.GetTempPath(), "nfproj-check-" + Guid.NewGuid().ToString("N"));

    public NanoProjectCheckerTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "App", "bin", "Debug"));
        File.WriteAllText(Path.Combine(_root, "App", "Listed.cs"), "class Listed { }");
        File.WriteAllText(Path.Combine(_root, "App", "bin", "Debug", "Generated.cs"), "class Generated { }");
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void ConsistentProjectHasNoProblems()
    {
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs" });

        Assert.Empty(NanoProjectChecker.CheckSources(project));
        Assert.Empty(NanoProjectChecker.CheckPackageReferences(project, Packages, Table));
    }

    [Fact]
    public void ReportsASourceFileTheProjectLeavesOut()
    {
        File.WriteAllText(Path.Combine(_root, "App", "Forgotten.cs"), "class Forgotten { }");
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs" });

        string problem = Assert.Single(NanoProjectChecker.CheckSources(project));
        Assert.Contains("Forgotten.cs is not a <Compile Include> item", problem);
    }

    [Fact]
    public void ReportsACompileItemWhoseFileIsGone()
    {
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs", @"Sub\Deleted.cs" });

        string problem = Assert.Single(NanoProjectChecker.CheckSources(project));
        Assert.Contains(@"<Compile Include=""Sub\Deleted.cs""> names a file that does not exist", problem);
    }

    [Fact]
    public void AcceptsAMissingFileWhoseCompileItemIsConditionedOnItsExistence()
    {
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs" }, optionalCompile: "Secrets.cs");

        Assert.Empty(NanoProjectChecker.CheckSources(project));
    }

    [Fact]
    public void CountsAPresentFileWhoseCompileItemIsConditionedOnItsExistenceAsCompiled()
    {
        File.WriteAllText(Path.Combine(_root, "App", "Secrets.cs"), "partial class Secrets { }");
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs" }, optionalCompile: "Secrets.cs");

        Assert.Empty(NanoProjectChecker.CheckSources(project));
    }

    [Fact]
    public void ReportsAMissingFileWhoseCompileItemHasAnyOtherCondition()
    {
        NanoProjectFile project = WriteProject(
            compile: new[] { "Listed.cs" }, optionalCompile: "Secrets.cs", optionalCondition: "Exists('Other.cs')");

        string problem = Assert.Single(NanoProjectChecker.CheckSources(project));
        Assert.Contains(@"<Compile Include=""Secrets.cs""> names a file that does not exist", problem);
    }

    [Fact]
    public void ReportsAHintPathIntoAPackageThatPackagesConfigDoesNotList()
    {
        NanoProjectFile project = WriteProject(
            compile: new[] { "Listed.cs" },
            extraReference: ("System.Net", @"..\packages\nanoFramework.System.Net.1.11.54\lib\System.Net.dll"));

        string problem = Assert.Single(NanoProjectChecker.CheckPackageReferences(project, Packages, Table));
        Assert.Contains("nanoFramework.System.Net.1.11.54, which packages.config does not list", problem);
    }

    [Fact]
    public void ReportsAPackageVersionOtherThanTheListingsTag()
    {
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs" }, coreLibraryVersion: "1.16.0");

        string problem = Assert.Single(NanoProjectChecker.CheckPackageReferences(project, Packages, Table));
        Assert.Contains("nanoFramework.CoreLibrary is at 1.16.0, but nanoframework-api-v1.txt was read from its v1.17.11 tag", problem);
    }

    [Fact]
    public void ReportsAnAssemblyTheCodeUsesWhosePackageIsNotListed()
    {
        NanoProjectFile project = WriteProject(compile: new[] { "Listed.cs" });

        string problem = Assert.Single(NanoProjectChecker.CheckPackagesCoverAssemblies(
            project.PackagesConfigPath, new[] { "mscorlib", "System.Net" }, Table));
        Assert.Contains("uses System.Net, but its package nanoFramework.System.Net is not listed", problem);
    }

    string Packages => Path.Combine(_root, "packages");

    NanoProjectFile WriteProject(
        IEnumerable<string> compile,
        (string Include, string HintPath)? extraReference = null,
        string coreLibraryVersion = "1.17.11",
        string? optionalCompile = null,
        string? optionalCondition = null)
    {
        var references = new List<(string Include, string HintPath)>
        {
            ("mscorlib", $@"..\packages\nanoFramework.CoreLibrary.{coreLibraryVersion}\lib\mscorlib.dll"),
        };
        if (extraReference.HasValue)
        {
            references.Add(extraReference.Value);
        }

        string projectPath = Path.Combine(_root, "App", "App.nfproj");
        File.WriteAllText(projectPath, $@"<Project xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <ItemGroup>
{string.Concat(compile.Select(item => $"    <Compile Include=\"{item}\" />\n"))}{(optionalCompile == null ? "" : $"    <Compile Include=\"{optionalCompile}\" Condition=\"{optionalCondition ?? $"Exists('{optionalCompile}')"}\" />\n")}  </ItemGroup>
  <ItemGroup>
{string.Concat(references.Select(reference => $"    <Reference Include=\"{reference.Include}\"><HintPath>{reference.HintPath}</HintPath></Reference>\n"))}  </ItemGroup>
</Project>");
        File.WriteAllText(Path.Combine(_root, "App", "packages.config"), $@"<packages>
  <package id=""nanoFramework.CoreLibrary"" version=""{coreLibraryVersion}"" targetFramework=""netnano1.0"" />
</packages>");
        return NanoProjectFile.Load(projectPath);
    }
}
