using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// `run` shows the simulated device's own log among its lines: why the device was offline once it is back, and that
/// the broker refused its command subscription, naming the filter. Against a broker the test controls.
/// </summary>
public sealed class DeviceLogTests
{
    [Fact]
    public void Run_logs_why_the_device_was_offline_when_it_reconnects_after_a_broker_restart()
    {
        using var broker = PrivateBroker.StartNew();
        using HarnessProcess run = HarnessProcess.Start("run", "--broker", "mqtt://127.0.0.1:" + broker.Port);
        run.WaitForLine(@"sim-001 status online$");

        broker.Restart();

        // The broker closed the connection; attempts while it was down may have failed too (then named as the last).
        // (The disconnected event itself may go out before run's observer is back: DisconnectReportTests checks it.)
        run.WaitForLine(@"^\d\d:\d\d:\d\d\.\d{3} sim-001 connected again; it was offline because: TransportClosed(, last attempt: \w+)?$");
        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Run_logs_that_the_device_is_deaf_naming_the_refused_filter()
    {
        var options = new PrivateBrokerOptions();
        options.RefusedSubscriptions.Add("edgesensor/sim-001/cmd/+");
        using var broker = PrivateBroker.StartNew(options);
        using HarnessProcess run = HarnessProcess.Start("run", "--broker", "mqtt://127.0.0.1:" + broker.Port);

        run.WaitForLine(@"^\d\d:\d\d:\d\d\.\d{3} sim-001 deaf: the broker refused the command subscription edgesensor/sim-001/cmd/\+ \(SUBACK 0x80\)");
        run.WaitForLine(@"sim-001 event \{""event"":""subscribe_refused"",""filter"":""edgesensor/sim-001/cmd/\+""\}$");
        run.Interrupt();
        Assert.Equal(0, run.WaitForExit());
    }
}
