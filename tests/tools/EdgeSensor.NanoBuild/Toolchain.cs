using System;
using System.Collections.Generic;
using System.IO;

namespace EdgeSensor.NanoBuild;

/// <summary>
/// The four locations a nanoFramework build needs: reference assemblies, their .pe files, the metadata processor
/// and nanoCLR. They come from NANO_* variables, or from a toolchain.env file (KEY=value lines) as the Linux
/// toolchain build writes it; on Windows they could equally point into restored NuGet packages.
/// </summary>
sealed class Toolchain
{
    public static readonly string[] Keys = { "NANO_REFS", "NANO_PE", "NANO_MDP", "NANO_CLR" };

    public string References { get; }
    public string PeFiles { get; }
    public string MetadataProcessor { get; }
    public string NanoClr { get; }

    /// <summary>Where the locations were read from, for the report.</summary>
    public string Source { get; }

    Toolchain(IReadOnlyDictionary<string, string> values, string source)
    {
        References = values["NANO_REFS"];
        PeFiles = values["NANO_PE"];
        MetadataProcessor = values["NANO_MDP"];
        NanoClr = values["NANO_CLR"];
        Source = source;
    }

    /// <summary>The default toolchain.env: where the Linux toolchain build writes it unless told otherwise.</summary>
    public static string DefaultEnvFile
    {
        get
        {
            string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "nanoframework-toolchain", "toolchain.env");
        }
    }

    /// <summary>
    /// The toolchain from <paramref name="envFile"/> if given, else from the NANO_* variables when all four are
    /// set, else from <see cref="DefaultEnvFile"/>. Throws <see cref="UsageException"/> saying what is missing.
    /// </summary>
    public static Toolchain Locate(string envFile)
    {
        if (envFile == null && AllVariablesSet()) return FromVariables();
        string file = envFile ?? DefaultEnvFile;
        if (!File.Exists(file))
        {
            throw new UsageException(
                "no nanoFramework toolchain: " + file + " does not exist and NANO_REFS, NANO_PE, NANO_MDP, NANO_CLR are not all set. "
                + "Build the toolchain (docs/nanoframework.md, \"Building and testing on Linux\"), or pass --toolchain FILE.");
        }
        return FromFile(file);
    }

    static bool AllVariablesSet()
    {
        foreach (string key in Keys)
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(key))) return false;
        }
        return true;
    }

    static Toolchain FromVariables()
    {
        var values = new Dictionary<string, string>();
        foreach (string key in Keys) values[key] = Environment.GetEnvironmentVariable(key);
        return Checked(values, "NANO_* environment variables");
    }

    static Toolchain FromFile(string file)
    {
        var values = new Dictionary<string, string>();
        foreach (string raw in File.ReadAllLines(file))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line.Substring(7).TrimStart();
            int equals = line.IndexOf('=');
            if (equals <= 0) throw new UsageException(file + ": not a KEY=value line: " + raw);
            values[line.Substring(0, equals)] = line.Substring(equals + 1).Trim('"', '\'');
        }
        return Checked(values, file);
    }

    static Toolchain Checked(Dictionary<string, string> values, string source)
    {
        foreach (string key in Keys)
        {
            if (!values.TryGetValue(key, out string path) || path.Length == 0) throw new UsageException(source + " does not set " + key);
            bool isFolder = key == "NANO_REFS" || key == "NANO_PE";
            if (isFolder ? !Directory.Exists(path) : !File.Exists(path)) throw new UsageException(source + ": " + key + "=" + path + " does not exist");
        }
        return new Toolchain(values, source);
    }

    /// <summary>The reference assembly for a HintPath's file name (the launcher is an .exe in the package, a .dll here).</summary>
    public string ReferenceAssembly(string fileName)
    {
        string path = Path.Combine(References, Path.ChangeExtension(fileName, ".dll"));
        if (!File.Exists(path)) throw new UsageException("the toolchain has no reference assembly " + Path.GetFileName(path) + " in " + References);
        return path;
    }
}
