using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EdgeSensor.Harness.Tests;

/// <summary>Where the built harness and the repository are, from what the build recorded.</summary>
static class HarnessPaths
{
    public static string HarnessDll
    {
        get
        {
            string path = Path.GetFullPath(typeof(HarnessPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HarnessDll").Value);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("the harness was not built where the test project expects it: " + path, path);
            }

            return path;
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "EdgeSensor.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("no EdgeSensor.sln above " + AppContext.BaseDirectory);
        }
    }
}
