using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using EdgeSensor.Device.Config;
using Xunit;
using static EdgeSensor.Device.Tests.Config.ConfigDocuments;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>
/// The ESP32 app compiles its configuration in (nanoFramework 1.x has no file system); it must be the
/// sample document, byte for byte, so that what is documented and tested is what the board runs.
/// </summary>
public class CompiledInConfigTests
{
    [Fact]
    public void Esp32DocumentIsTheDevKitCSample()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot(), "firmware", "EdgeSensor.Esp32", "DeviceConfigDocument.cs"));
        Match literal = Regex.Match(source, "public const string Json = @\"((?:[^\"]|\"\")*)\";");
        Assert.True(literal.Success, "DeviceConfigDocument.Json is a verbatim string");
        string compiledIn = literal.Groups[1].Value.Replace("\"\"", "\"");

        string sample = Encoding.UTF8.GetString(Sample(DevKitC)).TrimEnd('\n');
        Assert.Equal(sample, compiledIn);
        byte[] bytes = Encoding.UTF8.GetBytes(compiledIn);
        Assert.Equal(3, DeviceConfigParser.Parse(bytes, 0, bytes.Length).Sensors.Length);
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeSensor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("EdgeSensor.sln not found above " + AppContext.BaseDirectory);
    }
}
