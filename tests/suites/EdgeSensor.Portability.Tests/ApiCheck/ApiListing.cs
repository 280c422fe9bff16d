using System;
using System.Collections.Generic;
using System.IO;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// The public API of nanoFramework 1.x as listed in nanoframework-api-v1.txt: doc IDs, each with the nanoFramework
/// assembly that declares it. Members appear only on their declaring type, properties and events as P:/E:.
/// </summary>
sealed class ApiListing
{
    readonly Dictionary<string, string> _assemblyByDocId;

    ApiListing(Dictionary<string, string> assemblyByDocId, NanoPackageTable packages)
    {
        _assemblyByDocId = assemblyByDocId;
        Packages = packages;
    }

    public NanoPackageTable Packages { get; }

    public int Count => _assemblyByDocId.Count;

    public static ApiListing Load(string path)
    {
        var assemblyByDocId = new Dictionary<string, string>(StringComparer.Ordinal);
        var headerLines = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                headerLines.Add(line);
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new FormatException($"{path}: expected '<assembly><TAB><doc ID>', got '{line}'.");
            }

            assemblyByDocId.Add(columns[1], columns[0]);
        }

        return new ApiListing(assemblyByDocId, NanoPackageTable.Parse(headerLines));
    }

    /// <summary>The nanoFramework assembly that declares <paramref name="docId"/>, or null when the device lacks it.</summary>
    public string? AssemblyOf(string docId)
    {
        return _assemblyByDocId.TryGetValue(docId, out string? assembly) ? assembly : null;
    }
}
