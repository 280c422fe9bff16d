using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EdgeSensor.Portability.Tests.ProjectFiles;

/// <summary>
/// What an .nfproj (a non-SDK MSBuild project) says it builds: its explicit Compile items,
/// its package references by HintPath, and its project references.
/// </summary>
sealed class NanoProjectFile
{
    NanoProjectFile(string path, XDocument document)
    {
        Path = path;
        Compile = Items(document, "Compile").Select(item => Attribute(item, "Include")).ToList();
        OptionalCompile = Items(document, "Compile").Where(IsOnlyWhenItExists).Select(item => Attribute(item, "Include")).ToList();
        References = Items(document, "Reference")
            .Select(item => new NanoReference(Attribute(item, "Include"), Child(item, "HintPath")))
            .ToList();
        ProjectReferences = Items(document, "ProjectReference").Select(item => Attribute(item, "Include")).ToList();
    }

    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>Compile items as written (Windows separators, relative to the project folder).</summary>
    public IReadOnlyList<string> Compile { get; }

    /// <summary>
    /// Compile items conditioned on their own file existing (<c>Condition="Exists('X.cs')"</c> on <c>Include="X.cs"</c>):
    /// local files git ignores, such as the ESP32 application's DeviceSecrets.cs. They may be missing.
    /// </summary>
    public IReadOnlyList<string> OptionalCompile { get; }

    public IReadOnlyList<NanoReference> References { get; }

    public IReadOnlyList<string> ProjectReferences { get; }

    public string PackagesConfigPath => System.IO.Path.Combine(Directory, "packages.config");

    public static NanoProjectFile Load(string path)
    {
        return new NanoProjectFile(path, XDocument.Load(path));
    }

    /// <summary>A path written in the project file, as a full path on this machine.</summary>
    public string FullPathOf(string projectRelativePath)
    {
        string local = projectRelativePath.Replace('\\', System.IO.Path.DirectorySeparatorChar);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, local));
    }

    static IEnumerable<XElement> Items(XDocument document, string itemType)
    {
        return document.Descendants().Where(element => element.Name.LocalName == itemType && element.Parent?.Name.LocalName == "ItemGroup");
    }

    static bool IsOnlyWhenItExists(XElement item)
    {
        string? condition = item.Attribute("Condition")?.Value.Trim();
        return condition != null && condition == $"Exists('{item.Attribute("Include")?.Value}')";
    }

    static string Attribute(XElement element, string name)
    {
        return element.Attribute(name)?.Value ?? throw new InvalidDataException($"<{element.Name.LocalName}> without {name}.");
    }

    static string? Child(XElement element, string name)
    {
        return element.Elements().FirstOrDefault(child => child.Name.LocalName == name)?.Value.Trim();
    }
}
