using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EdgeSensor.Portability.Tests.ApiCheck;

namespace EdgeSensor.Portability.Tests;

/// <summary>
/// How the portable libraries are compiled for net10.0, read from their project files: the API check
/// needs the C# language version, which the compiled assemblies do not record.
/// </summary>
static class PortableBuildSettings
{
    public static readonly string[] PortableProjects =
    {
        Path.Combine("firmware", "EdgeSensor.Mqtt", "EdgeSensor.Mqtt.csproj"),
        Path.Combine("firmware", "EdgeSensor.Device", "EdgeSensor.Device.csproj"),
    };

    public static CheckOptions CheckOptions()
    {
        return new CheckOptions(LanguageVersionAtMost10: PortableProjects.All(project => LangVersionOf(project) is <= 10m));
    }

    /// <summary>The project's own LangVersion, else firmware/Directory.Build.props'; null when not a number (e.g. "latest").</summary>
    public static decimal? LangVersionOf(string projectPath)
    {
        string? declared = LangVersionIn(Path.Combine(RepositoryPaths.Root, projectPath))
            ?? LangVersionIn(Path.Combine(RepositoryPaths.Root, "firmware", "Directory.Build.props"));
        return decimal.TryParse(declared, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal version) ? version : null;
    }

    static string? LangVersionIn(string projectFile)
    {
        return XDocument.Load(projectFile).Descendants()
            .LastOrDefault(element => element.Name.LocalName == "LangVersion")?.Value.Trim();
    }
}
