using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// The header table of nanoframework-api-v1.txt mapping nanoFramework assemblies to NuGet package ids. The listing was read
/// from sources a few commits past a release tag; the tag's version is the released package nearest to it.
/// </summary>
sealed class NanoPackageTable
{
    static readonly Regex TagVersion = new(@"\btag v(?<version>\d+(\.\d+)+)", RegexOptions.CultureInvariant);

    readonly Dictionary<string, NanoPackage> _byAssembly;

    NanoPackageTable(Dictionary<string, NanoPackage> byAssembly)
    {
        _byAssembly = byAssembly;
    }

    public IReadOnlyCollection<NanoPackage> Rows => _byAssembly.Values;

    public static NanoPackageTable Parse(IEnumerable<string> headerLines)
    {
        var byAssembly = new Dictionary<string, NanoPackage>(StringComparer.Ordinal);
        bool inTable = false;
        foreach (string line in headerLines)
        {
            string text = line.TrimStart('#').Trim();
            if (text.StartsWith("assembly ", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable || text.Length == 0)
            {
                continue;
            }

            string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Match tag = TagVersion.Match(text);
            byAssembly.Add(words[0], new NanoPackage(words[0], words[1], tag.Success ? tag.Groups["version"].Value : null));
        }

        if (byAssembly.Count == 0)
        {
            throw new FormatException("nanoframework-api-v1.txt has no 'assembly  NuGet package id' table in its header.");
        }

        return new NanoPackageTable(byAssembly);
    }

    public NanoPackage ForAssembly(string assembly)
    {
        return _byAssembly.TryGetValue(assembly, out NanoPackage? package)
            ? package
            : throw new KeyNotFoundException($"nanoframework-api-v1.txt's header does not name the package of assembly '{assembly}'.");
    }

    public IEnumerable<NanoPackage> ForPackage(string packageId)
    {
        return _byAssembly.Values.Where(row => string.Equals(row.PackageId, packageId, StringComparison.OrdinalIgnoreCase));
    }
}
