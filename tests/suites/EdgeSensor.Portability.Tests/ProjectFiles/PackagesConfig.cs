using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EdgeSensor.Portability.Tests.ProjectFiles;

/// <summary>The packages.config of a non-SDK project: the NuGet packages it restores into the solution's packages folder.</summary>
static class PackagesConfig
{
    public static IReadOnlyList<PackagesConfigEntry> Load(string path)
    {
        return XDocument.Load(path).Root!.Elements("package")
            .Select(package => new PackagesConfigEntry(
                package.Attribute("id")?.Value ?? throw new InvalidDataException($"{path}: <package> without id."),
                package.Attribute("version")?.Value ?? throw new InvalidDataException($"{path}: <package> without version."),
                package.Attribute("targetFramework")?.Value))
            .ToList();
    }
}
