using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Integration.Tests.Interop;
using EdgeSensor.Integration.Tests.Reliability;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Device;

/// <summary>
/// Battery boards (docs/battery.md) against mosquitto, observed and commanded by paho: a board that sleeps between
/// reports in a persistent session [MQTT-3.1.2-4], the broker keeping QoS 1 commands for it meanwhile
/// [MQTT-3.1.2-5]. Sleeps are simulated and short; every wait is on an event.
/// </summary>
public sealed class BatteryDeviceTests : IDisposable
{
    static readonly TimeSpan Deadline = RecordingHandler.Deadline;
    static readonly TimeSpan ShortSleep = TimeSpan.FromMilliseconds(150);

    readonly List<WakeReport> wakes = new();
    readonly SemaphoreSlim wakeEnded = new(0);
    PrivateBroker broker;

    public void Dispose() => broker?.Dispose();

    static DeviceConfig BatteryConfig(int port)
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleConfigs", "simulated.json"));
        DeviceConfig config = DeviceConfigParser.Parse(sample, 0, sample.Length);
        config.Id = "bat-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        config.Broker.Port = port;
        config.HomeAssistantDiscovery = false;
        config.Battery = true;
        config.TelemetryIntervalSeconds = 1;
        config.AwakeLimitSeconds = 10;
        return config;
    }

    SimulatedBatteryDevice Board(DeviceConfig config, TimeSpan sleep, Func<EdgeSensor.Mqtt.IMqttTransport> transports = null)
    {
        var board = new SimulatedBatteryDevice(config, transports ?? (() => new TcpTransport(config.Broker.Host, config.Broker.Port)), sleep);
        board.WakeEnded += report =>
        {
            lock (wakes) wakes.Add(report);
            wakeEnded.Release();
        };
        return board;
    }

    void WaitForWakes(int count)
    {
        for (int i = 0; i < count; i++) Assert.True(wakeEnded.Wait(Deadline), "a wake did not end within " + Deadline);
    }

    /// <summary>
    /// The done-when of issue 15: 40 commands at random times (seeded) to a board that wakes every 150 ms for a few
    /// milliseconds, so nearly all of them reach it asleep. The PWM output's record must hold every commanded duty, in
    /// order, once each: none lost, none applied twice across a wake [MQTT-4.4.0-1]. Paho then sees the last state
    /// retained and a status that says asleep, never offline.
    /// </summary>
    [Fact]
    public void Commands_sent_at_random_times_are_applied_exactly_once_in_order_on_the_following_wake()
    {
        broker = PrivateBroker.StartNew();
        DeviceConfig config = BatteryConfig(broker.Port);
        string deviceBase = "edgesensor/" + config.Id;
        using var observer = new DeviceObserver(broker.Host, broker.Port, deviceBase);
        using SimulatedBatteryDevice board = Board(config, ShortSleep);
        board.Start();
        WaitForWakes(1);

        var random = new Random(15);
        var duties = new List<int>();
        var schedule = new List<object[]>();
        for (int i = 0; i < 40; i++)
        {
            int duty;
            do duty = random.Next(1, 101); while (duties.Count > 0 && duty == duties[^1]);
            duties.Add(duty);
            schedule.Add(new object[] { random.Next(0, 400), deviceBase + "/cmd/led", duty.ToString() });
        }

        using (PahoScript commands = PahoScript.Schedule(broker.Host, broker.Port, JsonSerializer.Serialize(schedule)))
        {
            commands.WaitFor("done");
        }

        int before = board.Wakes;
        while (board.Wakes < before + 2) WaitForWakes(1); // a whole wake after the last command
        board.Stop();

        int[] applied = board.Board.Pwm("led").History.Where(duty => duty != 0).ToArray(); // 0: the safe state of each wake
        Assert.Equal(duties, applied);
        WakeReport[] all;
        lock (wakes) all = wakes.ToArray();
        Assert.True(all.Length >= 15, all.Length + " wakes");
        Assert.DoesNotContain(all, w => w.TimedOut);

        using var late = new DeviceObserver(broker.Host, broker.Port, deviceBase);
        AssertAsleep(late.Next("status"), config);
        Assert.Equal(duties[^1].ToString(), late.Next("state/led").Text);
        observer.Command("marker", Encoding.ASCII.GetBytes("end"));
        observer.Next("cmd/marker");
        Assert.DoesNotContain(observer.Seen, m => m.Topic == deviceBase + "/status" && m.Text == "offline");
    }

    /// <summary>A board that dies awake, after its CONNECT carried the will, is announced offline by the broker [MQTT-3.1.2-8].</summary>
    [Fact]
    public void A_board_killed_while_awake_fires_its_will()
    {
        broker = PrivateBroker.StartNew();
        using var proxy = new FaultProxy(broker.Port) { ForNewConnections = new FaultSettings(false, 1500, false) };
        DeviceConfig config = BatteryConfig(broker.Port);
        using var observer = new DeviceObserver(broker.Host, broker.Port, "edgesensor/" + config.Id);
        using SimulatedBatteryDevice board = Board(config, ShortSleep, () => new TcpTransport(proxy.Host, proxy.Port));
        board.Start();

        // Its asleep status reached the broker: the acknowledgements are still 1.5 s away, so the board is awake.
        observer.Next("status", m => !m.Retain && m.Text.StartsWith("asleep ", StringComparison.Ordinal));
        board.Kill();
        Assert.Equal("offline", observer.Next("status").Text);
        lock (wakes) Assert.True(wakes.Single().TimedOut, "the kill ended the wake");
    }

    /// <summary>
    /// A retained command queued for the sleeping board arrives without RETAIN, as every message for an established
    /// subscription does [MQTT-3.3.1-9], and is applied once; the retained copy comes with RETAIN only to a new
    /// subscription, a cold boot's, which refuses it (no ghost switching), and quiet wakes never subscribe again.
    /// </summary>
    [Fact]
    public void A_retained_command_is_applied_once_and_refused_when_a_cold_boot_subscribes_again()
    {
        broker = PrivateBroker.StartNew();
        DeviceConfig config = BatteryConfig(broker.Port);
        using var observer = new DeviceObserver(broker.Host, broker.Port, "edgesensor/" + config.Id);
        using (SimulatedBatteryDevice board = Board(config, ShortSleep))
        {
            board.Start();
            WaitForWakes(1);
            observer.Command("led", Encoding.ASCII.GetBytes("42"), retain: true);
            observer.Next("state/led", m => m.Text == "42");
            WaitForWakes(3);
            board.Stop();
            Assert.Equal(new[] { 42 }, board.Board.Pwm("led").History.Where(duty => duty != 0));
        }

        using SimulatedBatteryDevice rebooted = Board(config, ShortSleep);
        rebooted.Start();
        JsonElement rejected = observer.NextJson("event", e => e.GetProperty("event").GetString() == "command_rejected");
        Assert.Equal("retained", rejected.GetProperty("reason").GetString());
        WaitForWakes(2);
        rebooted.Stop();
        Assert.DoesNotContain(rebooted.Board.Pwm("led").History, duty => duty != 0);
    }

    /// <summary>Commands queued before and after a graceful broker restart (persistence on) are all applied on the next wake, in order.</summary>
    [Fact]
    public void A_broker_restart_while_the_board_sleeps_loses_no_command()
    {
        broker = PrivateBroker.StartNew(TestBrokers.PersistingOnEveryChange());
        DeviceConfig config = BatteryConfig(broker.Port);
        string deviceBase = "edgesensor/" + config.Id;
        using SimulatedBatteryDevice board = Board(config, TimeSpan.FromSeconds(3));
        board.Start();
        WaitForWakes(1); // asleep for 3 s from here

        using (PahoScript before = PahoScript.Schedule(broker.Host, broker.Port, JsonSerializer.Serialize(new[] { new object[] { 0, deviceBase + "/cmd/led", "17" } })))
        {
            before.WaitFor("done");
        }

        broker.Restart();
        using (PahoScript after = PahoScript.Schedule(broker.Host, broker.Port, JsonSerializer.Serialize(new[] { new object[] { 0, deviceBase + "/cmd/led", "18" } })))
        {
            after.WaitFor("done");
        }

        WaitForWakes(1);
        board.Stop();
        Assert.Equal(new[] { 17, 18 }, board.Board.Pwm("led").History.Where(duty => duty != 0));
        using var observer = new DeviceObserver(broker.Host, broker.Port, deviceBase);
        AssertAsleep(observer.Next("status"), config);
        Assert.Equal("18", observer.Next("state/led").Text);
    }

    /// <summary>
    /// Home Assistant restarted while the board sleeps (docs/battery.md) reads the retained discovery documents and status
    /// from the broker: every document maps asleep to available and asks for QoS 1, every sensor expires one interval,
    /// the awake limit and a tenth of the interval after its reading, and the status is asleep T.
    /// </summary>
    [Fact]
    public void Home_Assistant_started_while_the_board_sleeps_finds_it_available_with_expiring_sensors()
    {
        broker = PrivateBroker.StartNew();
        DeviceConfig config = BatteryConfig(broker.Port);
        config.HomeAssistantDiscovery = true;
        config.TelemetryIntervalSeconds = 60;
        string deviceBase = "edgesensor/" + config.Id;
        using (SimulatedBatteryDevice board = Board(config, ShortSleep))
        {
            board.Start();
            WaitForWakes(2);
        }

        const int Documents = 9; // simulated.json: 7 quantities, a relay and a PWM output
        using PahoScript homeAssistant = PahoScript.Subscribe(broker.Host, broker.Port, "homeassistant/+/" + config.Id + "/+/config", 1, Documents);
        foreach (PahoMessage document in homeAssistant.WaitForMessages(Documents))
        {
            Assert.True(document.Retain, document.Topic);
            JsonElement json = JsonDocument.Parse(document.Text).RootElement;
            Assert.Equal(deviceBase + "/status", json.GetProperty("availability_topic").GetString());
            Assert.Equal("{{ 'online' if value[:6] == 'asleep' else value }}", json.GetProperty("availability_template").GetString());
            Assert.Equal(1, json.GetProperty("qos").GetInt32());
            bool sensor = document.Topic.StartsWith("homeassistant/sensor/", StringComparison.Ordinal);
            Assert.Equal(sensor, json.TryGetProperty("expire_after", out JsonElement expiry));
            if (sensor) Assert.Equal(60 + 10 + 6, expiry.GetInt32());
        }

        using var observer = new DeviceObserver(broker.Host, broker.Port, deviceBase);
        AssertAsleep(observer.Next("status"), config);
    }

    /// <summary>
    /// Why discovery asks Home Assistant for QoS 1: a command published at QoS 0 while the board sleeps is not kept in its
    /// session (mosquitto's queue_qos0_messages is off by default), so the next wake never sees it; one at QoS 1 is applied.
    /// </summary>
    [Fact]
    public void A_command_sent_at_QoS_0_to_a_sleeping_board_is_lost_and_one_at_QoS_1_is_applied()
    {
        broker = PrivateBroker.StartNew();
        DeviceConfig config = BatteryConfig(broker.Port);
        using SimulatedBatteryDevice board = Board(config, TimeSpan.FromSeconds(5));
        board.Start();
        WaitForWakes(1); // asleep for 5 s from here
        foreach ((int qos, string duty) in new[] { (0, "17"), (1, "18") })
        {
            using PahoScript command = PahoScript.Publish(broker.Host, broker.Port, "edgesensor/" + config.Id + "/cmd/led", qos, false, Encoding.ASCII.GetBytes(duty));
            command.WaitFor("published");
        }

        long sentAt = Environment.TickCount64;
        WaitForWakes(1);
        board.Stop();
        lock (wakes) Assert.True(wakes[1].WokeAt > sentAt, "both commands were published while the board slept");
        Assert.Equal(new[] { 18 }, board.Board.Pwm("led").History.Where(duty => duty != 0));
    }

    /// <summary>asleep T, retained: T (Unix seconds) is the latest the next report is due, in the future by at most an interval and the awake limit.</summary>
    static void AssertAsleep(PahoMessage status, DeviceConfig config)
    {
        Assert.True(status.Retain, "retained");
        Assert.StartsWith("asleep ", status.Text);
        long due = long.Parse(status.Text.Substring(7));
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(due, now - 1, now + config.TelemetryIntervalSeconds + config.AwakeLimitSeconds + 1);
    }
}
