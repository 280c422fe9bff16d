using System;
using System.IO;

namespace EdgeSensor.ApiListingTool;

/// <summary>
/// Finds the folder of nanoFramework reference assemblies (NANO_REFS) the toolchain built: from --refs, else the
/// NANO_REFS variable, else the NANO_REFS line of a toolchain.env (--toolchain, or where the toolchain build writes it).
/// </summary>
static class ReferenceAssemblies
{
    public static string DefaultEnvFile
    {
        get
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "nanoframework-toolchain", "toolchain.env");
        }
    }

    public static string Locate(string? refsOption, string? envFileOption)
    {
        if (refsOption != null) return Existing(refsOption, "--refs");
        string? variable = Environment.GetEnvironmentVariable("NANO_REFS");
        if (envFileOption == null && !string.IsNullOrEmpty(variable)) return Existing(variable, "NANO_REFS");

        string file = envFileOption ?? DefaultEnvFile;
        if (!File.Exists(file))
        {
            throw new UsageException(
                "no nanoFramework toolchain found: " + file + " does not exist and NANO_REFS is not set. Build a toolchain from "
                + "nanoFramework's public sources (docs/nanoframework.md), then pass --toolchain FILE, --refs DIR or set NANO_REFS.");
        }
        return Existing(FromEnvFile(file), file + "'s NANO_REFS");
    }

    static string FromEnvFile(string file)
    {
        foreach (string raw in File.ReadAllLines(file))
        {
            string line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line.Substring(7).TrimStart();
            if (line.StartsWith("NANO_REFS=", StringComparison.Ordinal)) return line.Substring("NANO_REFS=".Length).Trim('"', '\'');
        }
        throw new UsageException(file + " has no NANO_REFS line: it is not a nanoFramework toolchain.env");
    }

    static string Existing(string folder, string source)
    {
        if (!Directory.Exists(folder)) throw new UsageException(source + " names " + folder + ", which does not exist");
        return Path.GetFullPath(folder);
    }
}
