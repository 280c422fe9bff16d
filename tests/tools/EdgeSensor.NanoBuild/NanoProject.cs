using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace EdgeSensor.NanoBuild;

/// <summary>
/// What an .nfproj builds, as MSBuild itself evaluates it for one configuration: so Compile items, their
/// conditions (a local file compiled only when it exists) and project references count exactly as they would in
/// Visual Studio. The nanoFramework project system's imports are conditioned on their existence, so evaluation
/// works without it.
/// </summary>
sealed class NanoProject
{
    public string Path { get; }
    public string AssemblyName { get; }
    public bool IsExecutable { get; }
    public string LangVersion { get; }
    public IReadOnlyList<string> Sources { get; }

    /// <summary>File names of the referenced package assemblies (from HintPath), e.g. mscorlib.dll.</summary>
    public IReadOnlyList<string> PackageAssemblies { get; }
    public IReadOnlyList<string> ProjectReferences { get; }

    NanoProject(string path, string assemblyName, bool isExecutable, string langVersion, List<string> sources, List<string> packages, List<string> projects)
    {
        Path = path;
        AssemblyName = assemblyName;
        IsExecutable = isExecutable;
        LangVersion = langVersion;
        Sources = sources;
        PackageAssemblies = packages;
        ProjectReferences = projects;
    }

    public string Directory => System.IO.Path.GetDirectoryName(Path);

    public bool IsUnitTestAssembly => AssemblyName == "NFUnitTest";

    /// <summary>The .nfproj's file name: unique where assembly names are not (every test project is NFUnitTest).</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public static NanoProject Evaluate(string path, string configuration)
    {
        ProcessRunner.Result run = ProcessRunner.Run("dotnet", new[]
        {
            "msbuild", path, "-nologo", "-p:Configuration=" + configuration,
            "-getProperty:AssemblyName", "-getProperty:OutputType", "-getProperty:LangVersion",
            "-getItem:Compile", "-getItem:Reference", "-getItem:ProjectReference",
        }, System.IO.Path.GetDirectoryName(path), TimeSpan.FromMinutes(2));
        if (run.ExitCode != 0) throw new UsageException("MSBuild could not evaluate " + path + ":" + Environment.NewLine + run.Output.Trim());

        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement properties = json.RootElement.GetProperty("Properties");
        JsonElement items = json.RootElement.GetProperty("Items");
        string directory = System.IO.Path.GetDirectoryName(path);

        var sources = new List<string>();
        foreach (JsonElement item in Items(items, "Compile")) sources.Add(item.GetProperty("FullPath").GetString());

        var packages = new List<string>();
        foreach (JsonElement item in Items(items, "Reference"))
        {
            string hint = Metadata(item, "HintPath");
            if (hint == null) throw new UsageException(path + ": reference " + item.GetProperty("Identity").GetString() + " has no HintPath");
            packages.Add(System.IO.Path.GetFileName(hint.Replace('\\', '/')));
        }

        var projects = new List<string>();
        foreach (JsonElement item in Items(items, "ProjectReference"))
        {
            string include = item.GetProperty("Identity").GetString().Replace('\\', '/');
            projects.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include)));
        }

        string assemblyName = properties.GetProperty("AssemblyName").GetString();
        if (string.IsNullOrEmpty(assemblyName)) assemblyName = System.IO.Path.GetFileNameWithoutExtension(path);
        bool executable = string.Equals(properties.GetProperty("OutputType").GetString(), "Exe", StringComparison.OrdinalIgnoreCase);
        return new NanoProject(path, assemblyName, executable, properties.GetProperty("LangVersion").GetString(), sources, packages, projects);
    }

    static IEnumerable<JsonElement> Items(JsonElement items, string type)
    {
        if (!items.TryGetProperty(type, out JsonElement list)) yield break;
        foreach (JsonElement item in list.EnumerateArray()) yield return item;
    }

    static string Metadata(JsonElement item, string name)
    {
        return item.TryGetProperty(name, out JsonElement value) && value.GetString().Length > 0 ? value.GetString() : null;
    }

    /// <summary>Every .nfproj under the repository's firmware/ and tests/ folders, in an order where references come first.</summary>
    public static List<NanoProject> EvaluateAll(string repositoryRoot, string configuration)
    {
        var byPath = new Dictionary<string, NanoProject>(StringComparer.Ordinal);
        foreach (string top in new[] { "firmware", "tests" })
        {
            foreach (string file in System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(repositoryRoot, top), "*.nfproj", SearchOption.AllDirectories))
            {
                if (file.Contains("/bin/") || file.Contains("/obj/")) continue;
                byPath[file] = Evaluate(file, configuration);
            }
        }
        var ordered = new List<NanoProject>();
        var visiting = new HashSet<string>();
        var paths = new List<string>(byPath.Keys);
        paths.Sort(StringComparer.Ordinal);
        foreach (string path in paths) Visit(path, byPath, ordered, visiting);
        return ordered;
    }

    static void Visit(string path, Dictionary<string, NanoProject> byPath, List<NanoProject> ordered, HashSet<string> visiting)
    {
        if (!byPath.TryGetValue(path, out NanoProject project)) throw new UsageException("project reference to a missing .nfproj: " + path);
        if (ordered.Contains(project)) return;
        if (!visiting.Add(path)) throw new UsageException("project references form a cycle through " + path);
        foreach (string reference in project.ProjectReferences) Visit(reference, byPath, ordered, visiting);
        ordered.Add(project);
    }
}
