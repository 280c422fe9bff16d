namespace EdgeSensor.Portability.Tests.ProjectFiles;

/// <summary>A package reference of an .nfproj: the assembly name and where its dll is expected.</summary>
sealed record NanoReference(string Include, string? HintPath)
{
    public string AssemblyName => Include.Split(',')[0].Trim();
}
