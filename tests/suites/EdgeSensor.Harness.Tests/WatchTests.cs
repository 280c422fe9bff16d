using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>`watch` as a second operator: it sees a device come online and, after a graceful stop, go offline.</summary>
public sealed class WatchTests
{
    [Fact]
    public void Watch_shows_the_device_online_then_offline_after_run_is_interrupted()
    {
        using HarnessProcess run = HarnessProcess.Start("run");
        string broker = "mqtt://127.0.0.1:" + run.WaitForLine(@"--broker mqtt://127\.0\.0\.1:(\d+)").Groups[1].Value;
        run.WaitForLine(@"sim-001 status online$");

        using HarnessProcess watch = HarnessProcess.Start("watch", "--broker", broker);
        // Already online when watch subscribed: it learns so from the retained birth message [MQTT-3.3.1-6].
        watch.WaitForLine(@"sim-001 status online \(retained\)$");
        watch.WaitForLine(@"sim-001 state relay1 OFF");

        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
        watch.WaitForLine(@"sim-001 status offline$");

        watch.Interrupt();
        Assert.Equal(0, watch.WaitForExit());
    }

    [Fact]
    public void Watch_shows_a_device_whose_command_subscription_the_broker_refused_as_deaf()
    {
        var options = new PrivateBrokerOptions();
        options.RefusedSubscriptions.Add("edgesensor/sim-001/cmd/+");
        using var broker = PrivateBroker.StartNew(options);
        string url = "mqtt://127.0.0.1:" + broker.Port;
        using HarnessProcess run = HarnessProcess.Start("run", "--broker", url);
        run.WaitForLine(@"sim-001 status deaf$");

        using HarnessProcess watch = HarnessProcess.Start("watch", "--broker", url);
        // Retained, so a watch started later still sees that commands do not reach the device.
        watch.WaitForLine(@"sim-001 status deaf \(retained\)$");

        // On a terminal, the live table's status column says so.
        using (HarnessProcess table = HarnessProcess.OnTerminal("watch", "--broker", url))
        {
            table.WaitForLine(@"sim-001.*DEAF.*\(commands refused by the broker\)");
        }

        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
        watch.WaitForLine(@"sim-001 status offline$");
        watch.Interrupt();
        Assert.Equal(0, watch.WaitForExit());
    }
}
