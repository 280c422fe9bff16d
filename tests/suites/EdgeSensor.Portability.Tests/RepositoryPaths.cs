using System;
using System.IO;

namespace EdgeSensor.Portability.Tests
{
    /// <summary>Where the repository and the shared folder beside it are, seen from the test output folder.</summary>
    internal static class RepositoryPaths
    {
        private const string SolutionFileName = "EdgeSensor.sln";

        public static string Root { get; } = FindRoot();

        /// <summary>The shared folder sits beside the repository (root/../shared), not inside it.</summary>
        public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

        /// <summary>Where nanoFramework NuGet packages are restored: the solution root, as packages.config restore does.</summary>
        public static string Packages => Path.Combine(Root, "packages");

        public static string ApiListingFile
        {
            get
            {
                string path = Path.Combine(Shared, "nanoframework", "api-v1.txt");
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException(
                        $"The nanoFramework API listing was not found at '{path}'. The portable API check needs " +
                        $"shared/nanoframework/api-v1.txt in the folder beside the repository root '{Root}'.",
                        path);
                }

                return path;
            }
        }

        private static string FindRoot()
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
}
