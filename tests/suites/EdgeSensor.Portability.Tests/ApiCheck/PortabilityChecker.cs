using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// Checks compiled net10.0 assemblies against the nanoFramework 1.x API listing. The assemblies are checked
/// together: what one defines, the others may use (EdgeSensor.Device uses EdgeSensor.Mqtt).
/// </summary>
static class PortabilityChecker
{
    public static PortabilityReport Check(ApiListing listing, IReadOnlyList<string> assemblyPaths, CheckOptions options)
    {
        var peReaders = assemblyPaths.Select(path => new PEReader(File.OpenRead(path))).ToList();
        try
        {
            var own = new OwnDefinitions(peReaders.Select(peReader => peReader.GetMetadataReader()));
            var violations = new List<PortabilityViolation>();
            var nanoAssembliesUsedBy = new SortedDictionary<string, IReadOnlyCollection<string>>();
            foreach (PEReader peReader in peReaders)
            {
                ReferenceResolver result = AssemblyScanner.Scan(peReader, listing, own, options);
                MetadataReader reader = peReader.GetMetadataReader();
                violations.AddRange(result.Violations);
                nanoAssembliesUsedBy.Add(reader.GetString(reader.GetAssemblyDefinition().Name), result.NanoAssemblies);
            }

            return new PortabilityReport(
                violations.Distinct().OrderBy(v => v.UsedBy, System.StringComparer.Ordinal).ThenBy(v => v.Member, System.StringComparer.Ordinal).ToList(),
                nanoAssembliesUsedBy);
        }
        finally
        {
            peReaders.ForEach(peReader => peReader.Dispose());
        }
    }
}
