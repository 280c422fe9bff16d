using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// `--quick`: one launch, 3 warm-up and 3 measured iterations per benchmark (BenchmarkDotNet's ShortRun),
/// a sanity run of a few minutes. Its times are rough; the allocation column is as exact as in a full run.
/// </summary>
static class QuickConfig
{
    public const string Flag = "--quick";

    public static IConfig Create() => DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("Quick"));
}
