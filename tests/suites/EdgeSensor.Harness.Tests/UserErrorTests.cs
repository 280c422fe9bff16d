using System.IO;
using System.Linq;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>Mistakes a user can fix get one line saying what to do, and the exit code of their cause; never a stack trace.</summary>
public sealed class UserErrorTests
{
    [Fact]
    public void An_unreachable_broker_is_one_line_and_exit_4()
    {
        var result = HarnessProcess.Run("run", "--broker", "mqtt://127.0.0.1:1");
        Assert.Equal(4, result.ExitCode); // the broker's problem, not the command line's (docs/reliability.md)
        AssertOneLine(result.Output, "cannot reach the broker at mqtt://127.0.0.1:1");
    }

    [Fact]
    public void A_bad_config_names_the_field_and_exits_1()
    {
        string config = Path.Combine(Path.GetTempPath(), "edgesensor-bad-" + System.Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(HarnessPaths.RepositoryRoot, "hardware/config/simulated.json")).Replace("\"interval_s\": 10", "\"interval_s\": -5"));
        try
        {
            var result = HarnessProcess.Run("run", "--config", config);
            Assert.Equal(1, result.ExitCode);
            AssertOneLine(result.Output, "telemetry.interval_s");
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void A_broker_url_with_another_scheme_is_one_line_and_exit_1()
    {
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", "http://127.0.0.1:1883");
        Assert.Equal(1, result.ExitCode);
        AssertOneLine(result.Output, "mqtt://host:port");
    }

    [Fact]
    public void A_password_in_the_broker_url_is_refused_without_echoing_it()
    {
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", "mqtt://user:hunter2@127.0.0.1:1883");
        Assert.Equal(1, result.ExitCode);
        AssertOneLine(result.Output, "EDGESENSOR_PASSWORD");
        Assert.DoesNotContain("hunter2", result.Output);
    }

    static void AssertOneLine(string output, string expected)
    {
        string[] lines = output.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        Assert.True(lines.Length == 1, "expected one line, got:\n" + output);
        Assert.StartsWith("edgesensor: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }
}
