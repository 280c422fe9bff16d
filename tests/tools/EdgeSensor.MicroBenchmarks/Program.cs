using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// Usage (always in Release):
///   dotnet run -c Release --project tests/tools/EdgeSensor.MicroBenchmarks -- --filter '*'            full run
///   dotnet run -c Release --project tests/tools/EdgeSensor.MicroBenchmarks -- --quick --filter '*'    sanity run (QuickConfig)
///   dotnet run -c Release --project tests/tools/EdgeSensor.MicroBenchmarks -- --filter '*Session*'    one class
/// Every other argument is BenchmarkDotNet's (--list flat, --job short, ...). Exit code 1 when a benchmark
/// failed or allocated (AllocationGuard).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool quick = Array.IndexOf(args, QuickConfig.Flag) >= 0;
        string[] benchmarkArgs = Array.FindAll(args, a => a != QuickConfig.Flag);
        IConfig config = quick ? QuickConfig.Create() : DefaultConfig.Instance;
        return AllocationGuard.Check(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs, config));
    }
}
