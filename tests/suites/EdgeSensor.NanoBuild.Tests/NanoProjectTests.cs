using System;
using System.IO;
using System.Linq;
using EdgeSensor.NanoBuild;
using Xunit;

namespace EdgeSensor.NanoBuild.Tests;

/// <summary>An .nfproj as MSBuild evaluates it: sources, their conditions, package assemblies and project references.</summary>
public sealed class NanoProjectTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nanobuild-project-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Project(string name, string body)
    {
        string directory = Path.Combine(folder, name);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name + ".nfproj");
        File.WriteAllText(path, "<Project ToolsVersion=\"Current\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n" + body + "\n</Project>");
        return path;
    }

    [Fact]
    public void A_source_conditioned_on_its_own_existence_counts_only_when_it_exists()
    {
        string path = Project("App", """
              <PropertyGroup><AssemblyName>App</AssemblyName><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <Compile Include="Program.cs" />
                <Compile Include="Secrets.cs" Condition="Exists('Secrets.cs')" />
              </ItemGroup>
            """);

        NanoProject without = NanoProject.Evaluate(path, "Debug");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path), "Secrets.cs"), "");
        NanoProject with = NanoProject.Evaluate(path, "Debug");

        Assert.Equal(new[] { "Program.cs" }, without.Sources.Select(Path.GetFileName));
        Assert.Equal(new[] { "Program.cs", "Secrets.cs" }, with.Sources.Select(Path.GetFileName));
        Assert.True(with.IsExecutable);
    }

    [Fact]
    public void Items_conditioned_on_the_configuration_follow_it()
    {
        string path = Project("Lib", """
              <ItemGroup>
                <Compile Include="Always.cs" />
                <Compile Include="DebugOnly.cs" Condition="'$(Configuration)' == 'Debug'" />
              </ItemGroup>
            """);

        Assert.Equal(2, NanoProject.Evaluate(path, "Debug").Sources.Count);
        Assert.Single(NanoProject.Evaluate(path, "Release").Sources);
        Assert.Equal("Lib", NanoProject.Evaluate(path, "Release").AssemblyName);
    }

    [Fact]
    public void Package_references_are_the_hint_paths_file_names_and_project_references_are_full_paths()
    {
        Project("Lib", "<ItemGroup><Compile Include=\"L.cs\" /></ItemGroup>");
        string path = Project("Tests", """
              <PropertyGroup><AssemblyName>NFUnitTest</AssemblyName></PropertyGroup>
              <ItemGroup>
                <Reference Include="mscorlib, Version=1.17.11.0"><HintPath>..\..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>
                <Reference Include="nanoFramework.UnitTestLauncher"><HintPath>..\..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.UnitTestLauncher.exe</HintPath></Reference>
                <ProjectReference Include="..\Lib\Lib.nfproj" />
              </ItemGroup>
            """);

        NanoProject project = NanoProject.Evaluate(path, "Debug");

        Assert.Equal(new[] { "mscorlib.dll", "nanoFramework.UnitTestLauncher.exe" }, project.PackageAssemblies);
        Assert.Equal(new[] { Path.Combine(folder, "Lib", "Lib.nfproj") }, project.ProjectReferences);
        Assert.True(project.IsUnitTestAssembly);
    }

    [Fact]
    public void A_reference_without_a_hint_path_is_a_clear_error()
    {
        string path = Project("Bad", "<ItemGroup><Reference Include=\"mscorlib\" /></ItemGroup>");

        UsageException e = Assert.Throws<UsageException>(() => NanoProject.Evaluate(path, "Debug"));
        Assert.Contains("reference mscorlib has no HintPath", e.Message);
    }
}
