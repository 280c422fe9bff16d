using System.IO;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// Issue 12, points 2 and 7 and the broker URL rules: bad input is refused before anything connects, in one line that
/// names what is wrong, with exit code 1; never a stack trace, never a wait, never a quiet substitute.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>A prefix is a topic name [MQTT-4.7.1-1]: the harness adds the wildcards itself.</summary>
    [Theory]
    [InlineData("send", "edge/#")]
    [InlineData("send", "+")]
    [InlineData("watch", "a/#")]
    [InlineData("watch", "+")]
    public void A_prefix_with_a_wildcard_is_refused_by_name(string command, string prefix)
    {
        // Nothing listens on port 1: the prefix must be refused before any connection is tried.
        var result = command == "send"
            ? HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--prefix", prefix, "--broker", "mqtt://127.0.0.1:1")
            : HarnessProcess.Run("watch", "--prefix", prefix, "--broker", "mqtt://127.0.0.1:1");
        ErrorLine.Assert(result, 1, "bad --prefix '" + prefix + "'", "wildcard");
    }

    [Fact]
    public void Port_0_in_a_broker_url_is_an_error_not_port_1883()
    {
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", "mqtt://127.0.0.1:0");
        ErrorLine.Assert(result, 1, "bad --broker 'mqtt://127.0.0.1:0'", "port 0");
    }

    [Fact]
    public void A_broker_url_without_a_host_is_an_error_not_this_machine()
    {
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", "mqtt://");
        ErrorLine.Assert(result, 1, "bad --broker 'mqtt://'", "no host");
    }

    /// <summary>An endless file: read up to the size cap, then refused; the process never grows to the file.</summary>
    [Fact]
    public void A_config_without_end_is_refused_at_the_size_cap()
    {
        var result = HarnessProcess.Run("run", "--config", "/dev/zero");
        ErrorLine.Assert(result, 1, "cannot read the config /dev/zero: it is larger than 256 KiB");
    }

    [Fact]
    public void A_config_that_is_a_directory_is_called_a_directory()
    {
        string directory = Path.GetTempPath();
        var result = HarnessProcess.Run("run", "--config", directory);
        ErrorLine.Assert(result, 1, "it is a directory, not a file");
        Assert.DoesNotContain("denied", result.Output);
    }
}
