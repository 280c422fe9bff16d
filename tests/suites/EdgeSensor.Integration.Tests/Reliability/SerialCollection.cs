using Xunit;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// Tests that measure the whole process (thread count, managed heap) or tight timing run alone, after the
/// parallel ones, so that other tests' threads and garbage do not blur what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Reliability measurements (serial)";
}
