using System;
using System.IO;
using System.Linq;

namespace EdgeSensor.Portability.Tests;

/// <summary>The compiled net10.0 assemblies the project references land next to the test assembly.</summary>
static class TestOutputAssemblies
{
    public static string[] Paths(params string[] fileNames)
    {
        return fileNames.Select(fileName =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, fileName);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"'{fileName}' is not next to the test assembly in '{AppContext.BaseDirectory}'.", path);
        }).ToArray();
    }
}
