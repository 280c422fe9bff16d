using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EdgeSensor.NanoBuild;

/// <summary>Every .nfproj of the repository compiled in one configuration and converted to .pe.</summary>
sealed class ConfigurationBuild
{
    public string Configuration { get; }
    public string Root { get; }
    public IReadOnlyList<NanoProject> Projects { get; }
    readonly Toolchain toolchain;

    ConfigurationBuild(string configuration, string root, IReadOnlyList<NanoProject> projects, Toolchain toolchain)
    {
        Configuration = configuration;
        Root = root;
        Projects = projects;
        this.toolchain = toolchain;
    }

    public string PeFile(NanoProject project) => Path.Combine(SdkProjectWriter.Folder(Root, project), "pe", project.AssemblyName + ".pe");

    public string Assembly(NanoProject project) => SdkProjectWriter.OutputAssembly(Root, project);

    /// <summary>The projects other projects may reference: not the test assemblies, which all share the name NFUnitTest.</summary>
    IEnumerable<NanoProject> Libraries => Projects.Where(p => !p.IsUnitTestAssembly);

    public static ConfigurationBuild Run(string repositoryRoot, string artifactsRoot, string configuration, Toolchain toolchain)
    {
        List<NanoProject> projects = NanoProject.EvaluateAll(repositoryRoot, configuration);
        if (projects.Count == 0) throw new UsageException("no .nfproj found under " + repositoryRoot);
        string root = Path.Combine(artifactsRoot, configuration);
        var build = new ConfigurationBuild(configuration, root, projects, toolchain);
        build.Compile();
        build.Convert();
        return build;
    }

    void Compile()
    {
        var byPath = Projects.ToDictionary(p => p.Path, StringComparer.Ordinal);
        foreach (NanoProject project in Projects)
        {
            NanoProject[] references = project.ProjectReferences.Select(path => byPath[path]).ToArray();
            SdkProjectWriter.Write(Root, project, references, toolchain);
        }
        string solution = SdkProjectWriter.WriteSolution(Root, Projects.ToArray());
        ProcessRunner.Result run = ProcessRunner.Run("dotnet", new[]
        {
            "build", solution, "-c", Configuration, "-nologo", "-v:q", "-clp:NoSummary",
        }, Root, TimeSpan.FromMinutes(10));
        if (run.ExitCode != 0) throw new BuildFailedException(Configuration + " build failed:" + Environment.NewLine + run.Output.Trim());
    }

    void Convert()
    {
        // Every assembly a project may reference, by name: the toolchain's and the ones just built.
        var hints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string reference in Directory.EnumerateFiles(toolchain.References, "*.dll")) hints[Path.GetFileNameWithoutExtension(reference)] = reference;
        foreach (NanoProject project in Libraries) hints[project.AssemblyName] = Assembly(project);
        foreach (NanoProject project in Projects)
        {
            var others = new SortedDictionary<string, string>(hints, StringComparer.Ordinal);
            others.Remove(project.AssemblyName);
            MetadataProcessor.Convert(toolchain, Assembly(project), PeFile(project), others);
        }
    }

    /// <summary>
    /// The .pe files nanoCLR must load to run <paramref name="project"/>: it, what it names in its .nfproj (the test
    /// launcher is referenced there without the code using it), and everything those reference, transitively.
    /// </summary>
    public List<string> PeClosure(NanoProject project)
    {
        var ours = Libraries.ToDictionary(p => p.AssemblyName, StringComparer.Ordinal);
        ours[project.AssemblyName] = project;
        var pending = new Queue<string>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string name) { if (names.Add(name)) pending.Enqueue(name); }
        Add(project.AssemblyName);
        foreach (string assembly in project.PackageAssemblies) Add(Path.GetFileNameWithoutExtension(assembly));
        while (pending.Count > 0)
        {
            string name = pending.Dequeue();
            string dll = ours.TryGetValue(name, out NanoProject own) ? Assembly(own) : Path.Combine(toolchain.References, name + ".dll");
            if (!File.Exists(dll)) throw new UsageException(project.AssemblyName + " needs " + name + ", which neither the repository nor the toolchain (" + toolchain.References + ") has");
            foreach (string reference in AssemblyMetadata.References(dll)) Add(reference);
        }
        var files = new List<string>();
        foreach (string name in names)
        {
            string pe = ours.TryGetValue(name, out NanoProject own) ? PeFile(own) : Path.Combine(toolchain.PeFiles, name + ".pe");
            if (!File.Exists(pe)) throw new UsageException("no .pe for " + name + " at " + pe);
            files.Add(pe);
        }
        return files;
    }
}
