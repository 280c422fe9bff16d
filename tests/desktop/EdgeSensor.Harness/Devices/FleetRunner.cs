using System;
using System.Threading;
using EdgeSensor.Desktop.Fleet;
using EdgeSensor.Device.Config;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness.Devices;

/// <summary>--devices N: many simulated devices from a few threads (the fleet engine), each with an id derived from the template's.</summary>
sealed class FleetRunner : IDeviceRunner
{
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    readonly DeviceFleet fleet;
    readonly int count;
    readonly string broker;
    int stopped;

    public FleetRunner(DeviceConfig template, int count, string host, int port, string broker)
    {
        this.count = count;
        this.broker = broker;
        fleet = new DeviceFleet(template, count, host, port);
    }

    public string[] Ids => fleet.Ids;

    public void Start(TimeSpan timeout)
    {
        fleet.Start();
        DateTime deadline = DateTime.UtcNow + timeout;
        // The fleet exposes a count, not a signal: polling it is the only way to know when all are up.
        while (fleet.Online < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new UserErrorException("only " + fleet.Online + " of " + count + " devices connected to " + broker + " within " + timeout.TotalSeconds + " s: check the broker's connection limits and log", ExitCodes.BrokerRefused);
            }

            Thread.Sleep(PollEvery);
        }
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            fleet.Stop();
        }
    }

    public void Dispose() => Stop();
}
