using System;
using System.Linq;
using System.Threading;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness.Devices;

/// <summary>
/// `run --sleep D`: battery boards (docs/battery.md) that wake every D, report and deep-sleep between; with --devices N,
/// N of them (ids as the fleet names them), each on its own thread. Stopping takes the batteries out: a sleeping board
/// says nothing, so its status stays "asleep" until it is overdue.
/// </summary>
sealed class BatteryRunner : IDeviceRunner
{
    readonly SimulatedBatteryDevice[] boards;
    readonly CountdownEvent firstWakes;
    readonly string broker;

    /// <param name="load">A fresh copy of the configuration, broker included, for each board.</param>
    public BatteryRunner(Func<DeviceConfig> load, int count, TimeSpan sleep, string broker)
    {
        this.broker = broker;
        boards = new SimulatedBatteryDevice[count];
        firstWakes = new CountdownEvent(count);
        for (int i = 0; i < count; i++)
        {
            DeviceConfig board = load();
            board.Id = count == 1 ? board.Id : board.Id + "-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture); // as the fleet names them
            board.Battery = true;
            board.TelemetryQos = 1;
            board.TelemetryIntervalSeconds = Math.Max(1, (int)Math.Round(sleep.TotalSeconds));
            boards[i] = SimulatedBatteryDevice.OverTcp(board, seed: i + 1);
            boards[i].WakeEnded += report =>
            {
                if (report.Number == 1 && !firstWakes.IsSet) firstWakes.Signal();
            };
        }
    }

    public string[] Ids => boards.Select(b => b.Config.Id).ToArray();

    public void Start(TimeSpan timeout)
    {
        foreach (SimulatedBatteryDevice board in boards) board.Start();
        if (!firstWakes.Wait(timeout))
        {
            throw new UserErrorException("battery board(s) did not finish a first wake on " + broker + " within " + timeout.TotalSeconds + " s", ExitCodes.BrokerRefused);
        }
    }

    public void Stop()
    {
        foreach (SimulatedBatteryDevice board in boards) board.Stop();
    }

    public void Dispose()
    {
        Stop();
        firstWakes.Dispose();
    }
}
