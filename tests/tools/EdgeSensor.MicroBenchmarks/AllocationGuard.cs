using System;
using System.Collections.Generic;
using BenchmarkDotNet.Reports;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// Steady state must allocate nothing (docs/architecture.md, memory rules): a benchmark that allocates, or that
/// failed, turns the run's exit code to 1, so a script or CI step notices without reading the table.
/// </summary>
static class AllocationGuard
{
    public static int Check(IEnumerable<Summary> summaries)
    {
        int problems = 0;
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkReport report in summary.Reports)
            {
                string name = report.BenchmarkCase.DisplayInfo;
                if (!report.Success)
                {
                    Console.Error.WriteLine("FAILED: " + name);
                    problems++;
                    continue;
                }
                long? bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                if (bytes > 0)
                {
                    Console.Error.WriteLine("ALLOCATES " + bytes + " B/op: " + name);
                    problems++;
                }
            }
        }
        return problems == 0 ? 0 : 1;
    }
}
