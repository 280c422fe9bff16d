using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeSensor.Portability.Tests.ApiCheck;

namespace EdgeSensor.Portability.Tests.ProjectFiles;

/// <summary>
/// Checks that an .nfproj builds what the net10.0 build builds and references its packages consistently.
/// Each check returns the problems it finds, one readable line each; none means the project is consistent.
/// </summary>
static class NanoProjectChecker
{
    public const string NanoTargetFramework = "netnano1.0";

    // Files a package ships in lib/ besides the assemblies nanoframework-api-v1.txt lists for it:
    // nanoFramework.TestFramework's nuspec puts the test launcher there too.
    static readonly Dictionary<string, string[]> UnlistedPackageAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nanoFramework.TestFramework"] = new[] { "nanoFramework.UnitTestLauncher" },
    };

    /// <summary>
    /// Every .cs file under the project folder (bin/obj aside) is compiled, and every Compile item exists, except
    /// one conditioned on its own existence (a local, git-ignored file).
    /// </summary>
    public static IEnumerable<string> CheckSources(NanoProjectFile project)
    {
        var compiled = new HashSet<string>(project.Compile.Select(project.FullPathOf), StringComparer.Ordinal);
        foreach (string source in SourceFiles(project.Directory))
        {
            if (!compiled.Contains(source))
            {
                yield return $"{project.Path}: {Path.GetRelativePath(project.Directory, source)} is not a <Compile Include> item, so the device build leaves it out.";
            }
        }

        foreach (string item in project.Compile)
        {
            if (!File.Exists(project.FullPathOf(item)) && !project.OptionalCompile.Contains(item))
            {
                yield return $"{project.Path}: <Compile Include=\"{item}\"> names a file that does not exist.";
            }
        }
    }

    public static IEnumerable<string> CheckProjectReferences(NanoProjectFile project)
    {
        foreach (string reference in project.ProjectReferences)
        {
            if (!File.Exists(project.FullPathOf(reference)))
            {
                yield return $"{project.Path}: <ProjectReference Include=\"{reference}\"> names a project that does not exist.";
            }
        }
    }

    /// <summary>
    /// HintPaths and packages.config agree: each HintPath points into packages/&lt;id&gt;.&lt;version&gt;/lib/ for a
    /// package packages.config lists for netnano1.0, names a dll that package ships, and each listed package is used.
    /// Packages nanoframework-api-v1.txt was read from must have the version of its tag.
    /// </summary>
    public static IEnumerable<string> CheckPackageReferences(NanoProjectFile project, string packagesFolder, NanoPackageTable table)
    {
        if (!File.Exists(project.PackagesConfigPath))
        {
            yield return $"{project.Path}: no packages.config beside it.";
            yield break;
        }

        IReadOnlyList<PackagesConfigEntry> packages = PackagesConfig.Load(project.PackagesConfigPath);
        var referencedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (NanoReference reference in project.References)
        {
            foreach (string problem in CheckHintPath(project, reference, packagesFolder, packages, table, referencedFolders))
            {
                yield return problem;
            }
        }

        foreach (PackagesConfigEntry package in packages)
        {
            if (package.TargetFramework != NanoTargetFramework)
            {
                yield return $"{project.PackagesConfigPath}: {package.Id} has targetFramework \"{package.TargetFramework}\", not \"{NanoTargetFramework}\".";
            }

            if (!referencedFolders.Contains(package.FolderName))
            {
                yield return $"{project.PackagesConfigPath}: {package.Id} {package.Version} is listed but no <Reference> HintPath points into it.";
            }

            string? tagVersion = table.ForPackage(package.Id).Select(row => row.TagVersion).FirstOrDefault(version => version != null);
            if (tagVersion != null && package.Version != tagVersion)
            {
                yield return $"{project.PackagesConfigPath}: {package.Id} is at {package.Version}, but nanoframework-api-v1.txt was read from its v{tagVersion} tag.";
            }
        }
    }

    /// <summary>packages.config names the package of every nanoFramework assembly the compiled code uses.</summary>
    public static IEnumerable<string> CheckPackagesCoverAssemblies(
        string packagesConfigPath, IEnumerable<string> usedNanoAssemblies, NanoPackageTable table)
    {
        var listed = new HashSet<string>(PackagesConfig.Load(packagesConfigPath).Select(package => package.Id), StringComparer.OrdinalIgnoreCase);
        foreach (string assembly in usedNanoAssemblies)
        {
            string packageId = table.ForAssembly(assembly).PackageId;
            if (!listed.Contains(packageId))
            {
                yield return $"{packagesConfigPath}: the code uses {assembly}, but its package {packageId} is not listed.";
            }
        }
    }

    static IEnumerable<string> CheckHintPath(
        NanoProjectFile project,
        NanoReference reference,
        string packagesFolder,
        IReadOnlyList<PackagesConfigEntry> packages,
        NanoPackageTable table,
        HashSet<string> referencedFolders)
    {
        if (string.IsNullOrEmpty(reference.HintPath))
        {
            yield return $"{project.Path}: <Reference Include=\"{reference.Include}\"> has no HintPath into a package.";
            yield break;
        }

        string relative = Path.GetRelativePath(packagesFolder, project.FullPathOf(reference.HintPath));
        string[] parts = relative.Split(Path.DirectorySeparatorChar);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || parts.Length != 3 || parts[1] != "lib")
        {
            yield return $"{project.Path}: HintPath {reference.HintPath} does not point to packages{Path.DirectorySeparatorChar}<id>.<version>{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}<file> under {packagesFolder}.";
            yield break;
        }

        referencedFolders.Add(parts[0]);
        PackagesConfigEntry? package = packages.FirstOrDefault(entry => entry.FolderName == parts[0]);
        if (package == null)
        {
            yield return $"{project.Path}: HintPath {reference.HintPath} points into {parts[0]}, which packages.config does not list.";
            yield break;
        }

        string file = Path.GetFileNameWithoutExtension(parts[2]);
        if (file != reference.AssemblyName)
        {
            yield return $"{project.Path}: <Reference Include=\"{reference.Include}\"> points to {parts[2]}, a different assembly.";
        }

        string[] shipped = table.ForPackage(package.Id).Select(row => row.Assembly)
            .Concat(UnlistedPackageAssemblies.TryGetValue(package.Id, out string[]? extra) ? extra : Array.Empty<string>())
            .ToArray();
        if (shipped.Length > 0 && !shipped.Contains(file, StringComparer.Ordinal))
        {
            yield return $"{project.Path}: {package.Id} does not ship {parts[2]} (nanoframework-api-v1.txt maps it to {string.Join(", ", shipped)}).";
        }
    }

    static IEnumerable<string> SourceFiles(string projectDirectory)
    {
        return Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar)
                .Any(segment => segment == "bin" || segment == "obj"))
            .Select(Path.GetFullPath);
    }
}
