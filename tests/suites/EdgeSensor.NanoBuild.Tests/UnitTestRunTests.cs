using EdgeSensor.NanoBuild;
using Xunit;

namespace EdgeSensor.NanoBuild.Tests;

/// <summary>Reading nanoFramework's UnitTestLauncher output: what passed, what failed, what never ran.</summary>
public sealed class UnitTestRunTests
{
    const string Log = """
        Loaded: /x/NFUnitTest.pe
        Test passed,Ns.A.One.0,120
        Test failed,Ns.A.Two.0,Assert.AreEqual failed. Expected:<1>. Actual:<2>. a, b
        Test passed,Ns.B.Rows.0,5
        Test passed,Ns.B.Rows.1,5
        Test skipped,Ns.B.Later.0,not on this target
        """;

    [Fact]
    public void Sorts_each_reported_line_by_its_outcome_and_keeps_the_message_whole()
    {
        UnitTestRun run = UnitTestRun.Parse(Log, new[] { "Ns.A.One", "Ns.A.Two", "Ns.B.Rows", "Ns.B.Rows", "Ns.B.Later" });

        Assert.Equal(new[] { "Ns.A.One", "Ns.B.Rows", "Ns.B.Rows" }, run.Passed.ConvertAll(o => o.Test));
        Assert.Equal("Ns.B.Rows.1", run.Passed[2].Reported);
        UnitTestRun.Outcome failed = Assert.Single(run.Failed);
        Assert.Equal("Assert.AreEqual failed. Expected:<1>. Actual:<2>. a, b", failed.Detail);
        Assert.Equal("not on this target", Assert.Single(run.Skipped).Detail);
        Assert.Empty(run.NotRun);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void A_declared_test_the_log_never_reports_is_not_run_and_fails_the_run()
    {
        // The interpreter stopped (crash, hang) before the launcher reached it.
        UnitTestRun run = UnitTestRun.Parse("Test passed,Ns.A.One.0,1\n", new[] { "Ns.A.One", "Ns.A.Two", "Ns.B.Rows", "Ns.B.Rows" });

        Assert.Equal(new[] { "Ns.A.Two", "Ns.B.Rows", "Ns.B.Rows" }, run.NotRun);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void A_run_succeeds_only_when_every_declared_test_passed()
    {
        Assert.True(UnitTestRun.Parse("Test passed,Ns.A.One.0,1\r\nTest passed,Ns.A.Two.0,1\r\n", new[] { "Ns.A.One", "Ns.A.Two" }).Succeeded);
        Assert.False(UnitTestRun.Parse("", new string[0]).Succeeded);
    }
}
