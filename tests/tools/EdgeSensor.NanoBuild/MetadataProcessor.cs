using System;
using System.Collections.Generic;
using System.IO;

namespace EdgeSensor.NanoBuild;

/// <summary>Converts a compiled assembly to the .pe format nanoCLR loads, with nanoFramework's metadata processor.</summary>
static class MetadataProcessor
{
    /// <param name="loadHints">Every assembly the converted one may reference, by assembly name.</param>
    public static void Convert(Toolchain toolchain, string assembly, string pe, IReadOnlyDictionary<string, string> loadHints)
    {
        var arguments = new List<string> { toolchain.MetadataProcessor };
        foreach (KeyValuePair<string, string> hint in loadHints)
        {
            arguments.Add("-loadHints");
            arguments.Add(hint.Key);
            arguments.Add(hint.Value);
        }
        arguments.AddRange(new[] { "-parse", assembly, "-compile", pe, "false" });
        Directory.CreateDirectory(Path.GetDirectoryName(pe));
        File.Delete(pe);
        ProcessRunner.Result run = ProcessRunner.Run("dotnet", arguments, Path.GetDirectoryName(pe), TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0 || !File.Exists(pe))
        {
            throw new BuildFailedException("the metadata processor could not convert " + Path.GetFileName(assembly) + " (exit " + run.ExitCode + "):" + Environment.NewLine + run.Output.Trim());
        }
    }
}
