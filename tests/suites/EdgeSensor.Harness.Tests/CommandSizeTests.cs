using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// Issue 12, point 4: a value too long for the device is the device's refusal (`payload_too_large`, exit 2) whatever
/// its length; the exit code must not depend on which buffer happens to be the first too small for it.
/// </summary>
public sealed class CommandSizeTests
{
    [Fact]
    public void A_value_too_long_for_the_device_is_rejected_by_it_with_exit_2_at_every_length()
    {
        using HarnessProcess run = HarnessProcess.Start("run");
        string broker = "mqtt://127.0.0.1:" + run.WaitForLine(@"--broker mqtt://127\.0\.0\.1:(\d+)").Groups[1].Value;
        run.WaitForLine(@"sim-001 state relay1 OFF");

        // Just over the device's 32 bytes (docs/device-topics.md), just over the harness's old 2 KiB send buffer, and
        // near the largest argument Linux passes (MAX_ARG_STRLEN, 128 KiB).
        foreach (int length in new[] { 33, 2100, 120_000 })
        {
            var result = HarnessProcess.Run("send", "sim-001", "relay1", new string('X', length), "--broker", broker);
            Assert.True(result.ExitCode == 2, length + " bytes: exit " + result.ExitCode + "; output:\n" + Shorten(result.Output));
            Assert.Contains(": payload_too_large", result.Output);
            Assert.StartsWith("rejected: sim-001 refused relay1 ", result.Output);
        }

        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
    }

    static string Shorten(string output) => output.Length > 500 ? output.Substring(0, 500) + "..." : output;
}
