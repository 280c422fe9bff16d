using Xunit;

namespace EdgeSensor.Device.Tests;

/// <summary>
/// Tests that count the bytes their thread allocates run alone: garbage collections caused by tests running in
/// parallel on other threads disturb the per-thread count by a few hundred bytes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation counting";
}
