using System.IO;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>`run` against its private mosquitto, commanded by `send` processes as an operator would.</summary>
public sealed class RunAndSendTests
{
    [Fact]
    public void Send_reports_confirmed_rejected_and_timeout_with_distinct_exit_codes()
    {
        using HarnessProcess run = HarnessProcess.Start("run");
        string broker = "mqtt://127.0.0.1:" + run.WaitForLine(@"edgesensor send sim-001 relay1 ON --broker mqtt://127\.0\.0\.1:(\d+)").Groups[1].Value;
        // The retained state at subscribe time is the old one: send must wait for the live update [MQTT-3.3.1-8], [MQTT-3.3.1-9].
        run.WaitForLine(@"sim-001 state relay1 OFF");

        var confirmed = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", broker);
        Assert.True(confirmed.ExitCode == 0, confirmed.Output);
        Assert.Contains("confirmed: sim-001 relay1 is ON", confirmed.Output);
        run.WaitForLine(@"sim-001 state relay1 ON$");

        var rejected = HarnessProcess.Run("send", "sim-001", "relay1", "MAYBE", "--broker", broker);
        Assert.True(rejected.ExitCode == 2, rejected.Output);
        Assert.Contains("rejected: sim-001 refused relay1 MAYBE: invalid_payload", rejected.Output);

        var unanswered = HarnessProcess.Run("send", "nodevice", "relay1", "ON", "--timeout", "1s", "--broker", broker);
        Assert.True(unanswered.ExitCode == 3, unanswered.Output);
        Assert.Contains("timeout: no answer from nodevice", unanswered.Output);

        run.Interrupt();
        run.WaitForLine(@"sim-001 status offline$");
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Run_prints_plain_timestamped_lines_when_output_is_redirected()
    {
        using HarnessProcess run = HarnessProcess.Start("run");
        run.WaitForLine(@"^\d\d:\d\d:\d\d\.\d{3} broker mqtt://127\.0\.0\.1:\d+ \(private mosquitto");
        run.WaitForLine(@"^\d\d:\d\d:\d\d\.\d{3} sim-001 status online$");
        run.WaitForLine(@"^\d\d:\d\d:\d\d\.\d{3} sim-001 telemetry seq=\d+ dht22\.temperature_c=");
        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
        Assert.DoesNotContain("\u001b[", run.Output); // no terminal control sequences in a log
    }
}
