using System.IO;
using System.Linq;
using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// `settings` against a running simulated device, as an operator uses it: shown, changed and confirmed, refused with the
/// reason (and the previous desired settings put back), unanswered while the device is offline; `watch` then shows the
/// reported settings lagging the desired ones.
/// </summary>
public sealed class SettingsCommandTests
{
    [Fact]
    public void Settings_changes_the_interval_of_a_running_device_and_watch_shows_when_reported_lags_desired()
    {
        using var broker = PrivateBroker.StartNew();
        string url = "mqtt://127.0.0.1:" + broker.Port;
        using HarnessProcess run = HarnessProcess.Start("run", "--broker", url);
        run.WaitForLine(@"sim-001 settings desired=- reported=0$");

        var shown = HarnessProcess.Run("settings", "sim-001", "--broker", url);
        Assert.True(shown.ExitCode == 0, shown.Output);
        Assert.Contains("desired:  none (the compiled-in settings)", shown.Output);
        Assert.Contains("reported: {\"version\":0,\"telemetry\":{\"interval_s\":10,", shown.Output);

        var applied = HarnessProcess.Run("settings", "sim-001", "--set", "telemetry.interval_s=2", "--broker", url);
        Assert.True(applied.ExitCode == 0, applied.Output);
        Assert.Contains("publishing version 1: {\"version\":1,\"telemetry\":{\"interval_s\":2}}", applied.Output);
        Assert.Contains("applied: sim-001 runs settings version 1: {\"version\":1,\"telemetry\":{\"interval_s\":2,", applied.Output);
        run.WaitForLine(@"sim-001 settings desired=1 reported=1$");

        var refused = HarnessProcess.Run("settings", "sim-001", "--set", "telemetry.interval_s=0", "--set", "actuators.relay1.display_name=Pump", "--broker", url);
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("refused: sim-001 refused settings version 2: telemetry.interval_s: expected an integer from 1 to 86400, got 0; the desired settings are version 1 again", refused.Output);
        run.WaitForLine(@"sim-001 settings desired=1 reported=1$");

        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
        var unanswered = HarnessProcess.Run("settings", "sim-001", "--set", "sensors.sht31.enabled=false", "--timeout", "1s", "--broker", url);
        Assert.True(unanswered.ExitCode == 3, unanswered.Output);
        Assert.Contains("timeout: no answer from sim-001 within 1 s; sim-001 is offline; the document stays retained on the broker", unanswered.Output);

        using HarnessProcess watch = HarnessProcess.Start("watch", "--broker", url);
        watch.WaitForLine(@"sim-001 settings desired=2 reported=1 \(reported lags desired\) \(retained\)$");
        watch.Interrupt();
        Assert.Equal(0, watch.WaitForExit());
    }

    [Theory]
    [InlineData("telemetry.interval_s", "bad --set 'telemetry.interval_s': give key=value")]
    [InlineData("version=9", "bad --set 'version=9': give key=value")]
    [InlineData("a.b.c.d=1", "bad --set 'a.b.c.d=1': give key=value")]
    [InlineData("telemetry..qos=1", "bad --set 'telemetry..qos=1': give key=value")]
    public void A_bad_set_is_one_line_and_exit_1_before_anything_is_published(string assignment, string expected)
    {
        var result = HarnessProcess.Run("settings", "sim-001", "--set", assignment, "--broker", "mqtt://127.0.0.1:1");
        Assert.True(result.ExitCode == 1, result.Output);
        string[] lines = result.Output.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        Assert.Single(lines);
        Assert.StartsWith("edgesensor: " + expected, lines[0]);
    }

    [Fact]
    public void A_file_that_is_not_a_json_object_is_one_line_and_exit_1()
    {
        string file = Path.Combine(Path.GetTempPath(), "edgesensor-settings-" + System.Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, "[1,2]");
        try
        {
            var result = HarnessProcess.Run("settings", "sim-001", "--file", file, "--broker", "mqtt://127.0.0.1:1");
            Assert.True(result.ExitCode == 1, result.Output);
            Assert.Contains("is not a JSON object", result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
