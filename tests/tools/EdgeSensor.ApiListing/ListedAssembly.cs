namespace EdgeSensor.ApiListingTool;

/// <summary>
/// One assembly the listing covers: the NuGet package that ships it, and the source its reference assembly was
/// compiled from (repository, full commit, and how that commit relates to the repository's branches and tags).
/// </summary>
/// <param name="Described">"branch, commit date; tag vX+N" (N commits after the tag), as the header prints it.</param>
sealed record ListedAssembly(string Assembly, string PackageId, string Repository, string Commit, string Described)
{
    /// <summary>The header's source column: repository@short commit (description).</summary>
    public string Source => Repository + "@" + Commit.Substring(0, 12) + " (" + Described + ")";
}
