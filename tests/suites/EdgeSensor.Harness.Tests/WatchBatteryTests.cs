using System.IO;
using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// `watch` and a battery board (`run --sleep`, docs/battery.md) against mosquitto: asleep with its due
/// time while it keeps waking, never offline, and OVERDUE once its batteries are out and the due time has passed.
/// </summary>
public sealed class WatchBatteryTests
{
    const string Asleep = @"sim-001 status asleep, next report due by \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in \d+ s\)";

    [Fact]
    public void Watch_shows_a_sleeping_board_as_asleep_not_offline_and_overdue_once_it_stops_reporting()
    {
        // Waking every second with an awake limit of 5 s, its next report is due by 6 s after each wake: far enough for a
        // loaded machine never to make it late while it runs.
        string config = Path.Combine(Path.GetTempPath(), "edgesensor-battery-" + System.Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(HarnessPaths.RepositoryRoot, "hardware/config/simulated.json"))
            .Replace("\"keepalive_s\"", "\"power\": { \"mode\": \"battery\", \"awake_limit_s\": 5 },\n  \"keepalive_s\""));
        try
        {
            // The test's broker, not the run's private one, so that it outlives the run.
            using var mosquitto = PrivateBroker.StartNew();
            string broker = "mqtt://127.0.0.1:" + mosquitto.Port;
            using HarnessProcess run = HarnessProcess.Start("run", "--config", config, "--sleep", "1s", "--broker", broker);
            run.WaitForLine(Asleep + "$");

            using HarnessProcess watch = HarnessProcess.Start("watch", "--broker", broker);
            // Already asleep when watch subscribed: the retained status says until when.
            watch.WaitForLine(Asleep + @" \(retained\)$");
            // Then every wake promises again.
            watch.WaitForLine(Asleep + "$");
            watch.WaitForLine(Asleep + "$");
            using (HarnessProcess table = HarnessProcess.OnTerminal("watch", "--broker", broker))
            {
                // The status cell: "asleep" in colour, then its due time.
                table.WaitForLine(@"sim-001.*asleep.*, due \d\d:\d\d:\d\d UTC \(in \d+ s\)");
            }

            run.Interrupt(); // the batteries out after the current wake: the board says nothing more
            Assert.Equal(0, run.WaitForExit());
            watch.WaitForLine(@"sim-001 OVERDUE: asleep, next report was due by \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ s ago\)$");

            // A watch started later reads the stale retained promise, on a line and in the table.
            using (HarnessProcess late = HarnessProcess.Start("watch", "--broker", broker))
            {
                late.WaitForLine(@"sim-001 status OVERDUE: asleep, next report was due by .* \(retained\)$");
            }

            using (HarnessProcess table = HarnessProcess.OnTerminal("watch", "--broker", broker))
            {
                table.WaitForLine(@"sim-001.*OVERDUE.*, was due \d\d:\d\d:\d\d UTC \(\d+ s ago\)");
            }

            watch.Interrupt();
            Assert.Equal(0, watch.WaitForExit());
            Assert.DoesNotContain("offline", watch.Output);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(watch.Output, "OVERDUE"));
        }
        finally
        {
            File.Delete(config);
        }
    }
}
