using System;
using System.IO;
using System.Linq;
using EdgeSensor.NanoTests.Config;
using Xunit;

namespace EdgeSensor.NanoTests.OnDesktop;

/// <summary>The NanoTests' compiled-in sample configurations are the files hardware/config ships, all of them.</summary>
public sealed class SampleDocumentsTests
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "SampleConfigs");

    [Fact]
    public void EveryShippedSampleIsCompiledIn()
    {
        string[] shipped = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToArray();
        Assert.Equal(shipped, SampleDocuments.FileNames.OrderBy(name => name, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void EachCompiledInSampleIsTheShippedFileByteForByte()
    {
        for (int i = 0; i < SampleDocuments.FileNames.Length; i++)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(Folder, SampleDocuments.FileNames[i])), SampleDocuments.Documents[i]);
        }
    }
}
