using System;
using System.IO;

namespace EdgeSensor.Portability.Tests;

/// <summary>Where the repository and the test data are, seen from the test output folder.</summary>
static class RepositoryPaths
{
    const string SolutionFileName = "EdgeSensor.sln";

    public const string ApiListingFileName = "nanoframework-api-v1.txt";

    public static string Root { get; } = FindRoot();

    /// <summary>Where nanoFramework NuGet packages are restored: the solution root, as packages.config restore does.</summary>
    public static string Packages => Path.Combine(Root, "packages");

    /// <summary>
    /// The nanoFramework API listing, project data kept beside these tests and copied next to the test assembly
    /// (tests/tools/EdgeSensor.ApiListing regenerates it from a toolchain's reference assemblies).
    /// </summary>
    public static string ApiListingFile
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, ApiListingFileName);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The nanoFramework API listing was not found at '{path}': the test project copies " +
                    $"{ApiListingFileName} from its own folder to its output; rebuild it.",
                    path);
            }

            return path;
        }
    }

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} found in '{AppContext.BaseDirectory}' or any folder above it.");
    }
}
