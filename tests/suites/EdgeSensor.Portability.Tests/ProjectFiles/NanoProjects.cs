using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EdgeSensor.Portability.Tests.ProjectFiles;

/// <summary>The repository's .nfproj files (build outputs, restored packages and git internals aside).</summary>
static class NanoProjects
{
    static readonly string[] SkippedFolders = { "bin", "obj", "packages", ".git" };

    public static IEnumerable<string> RelativePaths()
    {
        return Directory.EnumerateFiles(RepositoryPaths.Root, "*.nfproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
            .OrderBy(path => path, System.StringComparer.Ordinal);
    }
}
