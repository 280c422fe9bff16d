using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using EdgeSensor.WakeBench;

// Runs a simulated battery board for WAKES wake cycles against a private mosquitto on 127.0.0.1, in two wirings (the
// sample board's three sensors, and a typical battery board's one SHT3x) and two cases (nothing queued; one command
// queued during each sleep), and prints per-wake figures: round trips, bytes each way, network up to DISCONNECT.
// A measurement, not a test: figures in docs/battery.md.
int wakes = args.Length > 0 && int.TryParse(args[0], out int n) && n > 1 ? n : 50;
var culture = CultureInfo.InvariantCulture;
using PrivateBroker broker = PrivateBroker.StartNew();
Console.WriteLine("| wiring | case | wakes | round trips | bytes sent | bytes received | network up to DISCONNECT p50 | p90 |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
foreach (bool oneSensor in new[] { false, true })
{
    foreach (bool command in new[] { false, true })
    {
        Measure(oneSensor, command);
    }
}

return 0;

void Measure(bool oneSensor, bool command)
{
    byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "simulated.json"));
    DeviceConfig config = DeviceConfigParser.Parse(sample, 0, sample.Length);
    config.Id = "bat-001";
    config.Broker.Port = broker.Port;
    config.Battery = true;
    config.TelemetryIntervalSeconds = 60;
    config.HomeAssistantDiscovery = false;
    if (oneSensor)
    {
        config.Sensors = config.Sensors.Where(s => s.Kind == SensorKind.Sht3x).ToArray();
    }

    var measured = new List<CountingTransport>();
    var transports = new List<CountingTransport>();
    using var ended = new SemaphoreSlim(0);
    using var operatorClient = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), new MqttClientOptions(), new NoHandler());
    operatorClient.Start();
    operatorClient.WaitForConnection(10000);
    byte[] on = Encoding.ASCII.GetBytes("50");
    using var board = new SimulatedBatteryDevice(config, () =>
    {
        var t = new CountingTransport(new TcpTransport(broker.Host, broker.Port));
        lock (transports) transports.Add(t);
        return t;
    }, TimeSpan.FromMilliseconds(100));
    board.WakeEnded += report =>
    {
        lock (transports)
        {
            // The cold boot announces in full; each later wake used one transport unless it reconnected.
            if (report.Number > 1 && !report.TimedOut && transports.Count == 1) measured.Add(transports[0]);
            transports.Clear();
        }

        if (command) operatorClient.PublishAndWait("edgesensor/bat-001/cmd/led", on, 0, on.Length, MqttQos.AtLeastOnce, false, 5000);
        ended.Release();
    };
    board.Start();
    for (int i = 0; i <= wakes; i++)
    {
        if (!ended.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("a wake did not end");
    }

    board.Stop();
    operatorClient.Stop(5000);
    double[] us = measured.Select(t => t.NetworkUpToLastWriteUs).OrderBy(v => v).ToArray();
    Console.WriteLine(string.Format(culture, "| {0} | {1} | {2} | {3} | {4} | {5} | {6:F0} us | {7:F0} us |",
        oneSensor ? "one SHT3x" : "simulated.json (3 sensors)", command ? "one command queued" : "nothing queued", measured.Count,
        Span(measured.Select(t => (long)t.RoundTrips)), Span(measured.Select(t => t.BytesSent)), Span(measured.Select(t => t.BytesReceived)),
        us[us.Length / 2], us[us.Length * 9 / 10]));
    Console.Error.WriteLine("connack p50 " + Median(measured.Select(t => t.NetworkUpToConnackUs)) + " us, last read p50 " + Median(measured.Select(t => t.NetworkUpToLastReadUs)) + " us");
}

static string Median(IEnumerable<double> values)
{
    double[] sorted = values.OrderBy(v => v).ToArray();
    return sorted[sorted.Length / 2].ToString("F0", CultureInfo.InvariantCulture);
}

static string Span(IEnumerable<long> values)
{
    long min = values.Min(), max = values.Max();
    return min == max ? min.ToString(CultureInfo.InvariantCulture) : min.ToString(CultureInfo.InvariantCulture) + "-" + max.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The operator's client publishes only.</summary>
sealed class NoHandler : IMqttSessionHandler
{
    public void OnConnected(bool sessionPresent) { }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }

    public void OnMessage(MqttMessage message) { }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

    public void OnUnsubscribed(int subscriptionIndex) { }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
}
