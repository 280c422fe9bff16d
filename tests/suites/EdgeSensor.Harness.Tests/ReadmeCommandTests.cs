using System;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>The README's main-job command works as written.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void Dotnet_run_of_the_harness_starts_a_device_and_stops_gracefully_on_ctrl_c()
    {
        using HarnessProcess run = HarnessProcess.DotnetRun("run");
        // dotnet run may have to build first: more patience than for the built dll.
        run.WaitForLine(@"sim-001 status online$", TimeSpan.FromSeconds(180));
        run.Interrupt();
        run.WaitForLine(@"stopped: sim-001 offline");
        Assert.Equal(0, run.WaitForExit());
    }
}
