namespace EdgeSensor.Portability.Tests.ProjectFiles;

/// <summary>One package a packages.config restores.</summary>
sealed record PackagesConfigEntry(string Id, string Version, string? TargetFramework)
{
    /// <summary>The folder packages.config restore unpacks the package into.</summary>
    public string FolderName => Id + "." + Version;
}
