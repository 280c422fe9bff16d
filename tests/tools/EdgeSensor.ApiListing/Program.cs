using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeSensor.ApiListingTool;

// apilisting: regenerates the nanoFramework API listing the portability check reads, from the reference
// assemblies a nanoFramework toolchain built. Exit 0 written, 2 usage or toolchain error.
try
{
    Options options = Options.Parse(args);
    string refs = ReferenceAssemblies.Locate(options.Refs, options.ToolchainFile);
    string output = options.Output ?? DefaultOutput();
    Console.WriteLine("apilisting: reference assemblies from " + refs);

    CheckEveryAssemblyIsAccountedFor(refs);
    var assemblies = new List<(ListedAssembly, SortedSet<string>)>();
    foreach (ListedAssembly listed in PinnedSources.Listed)
    {
        string path = Path.Combine(refs, listed.Assembly + ".dll");
        if (!File.Exists(path)) throw new UsageException(refs + " has no " + listed.Assembly + ".dll: the toolchain is incomplete or not a nanoFramework one");
        SortedSet<string> ids = PublicApi.Read(path, out string name);
        if (name != listed.Assembly) throw new UsageException(path + " is assembly " + name + ", not " + listed.Assembly);
        Console.WriteLine("  " + listed.Assembly.PadRight(34) + ids.Count.ToString().PadLeft(5) + "  " + listed.Source);
        assemblies.Add((listed, ids));
    }
    CheckReflectionEnabledCoreLibrary(assemblies);

    ListingFile.Write(output, assemblies);
    Console.WriteLine("apilisting: wrote " + assemblies.Sum(a => a.Item2.Count) + " APIs to " + output + " (git diff shows what changed)");
    return 0;
}
catch (UsageException e)
{
    Console.Error.WriteLine("apilisting: " + e.Message);
    return 2;
}

// A new assembly in the toolchain must be a decision (list it, with its source, or leave it out), not an accident.
static void CheckEveryAssemblyIsAccountedFor(string refs)
{
    var known = PinnedSources.Listed.Select(l => l.Assembly).Concat(PinnedSources.NotListed).ToHashSet();
    string[] unknown = Directory.EnumerateFiles(refs, "*.dll").Select(p => Path.GetFileNameWithoutExtension(p)).Where(n => !known.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    if (unknown.Length > 0)
    {
        throw new UsageException(refs + " has " + string.Join(", ", unknown) + ", which PinnedSources.cs neither lists (with its package and commit) nor leaves out");
    }
}

// The header promises the reflection-enabled mscorlib; System.Type exists only in that build (#if NANOCLR_REFLECTION).
static void CheckReflectionEnabledCoreLibrary(List<(ListedAssembly Source, SortedSet<string> Ids)> assemblies)
{
    SortedSet<string> mscorlib = assemblies.Single(a => a.Source.Assembly == "mscorlib").Ids;
    if (!mscorlib.Contains("T:System.Type")) throw new UsageException("mscorlib has no System.Type: it is the NoReflection build, not the one the listing describes");
}

// The listing's place in the repository, found from where this tool was built (tests/tools/.../bin/...).
static string DefaultOutput()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "EdgeSensor.sln")))
        {
            return Path.Combine(folder.FullName, "tests", "suites", "EdgeSensor.Portability.Tests", "nanoframework-api-v1.txt");
        }
    }
    throw new UsageException("no EdgeSensor.sln above " + AppContext.BaseDirectory + ": pass --output FILE");
}
