using System;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.Sample.MinimalMqtt;

/// <summary>
/// Runs <see cref="MinimalMqttSample"/>, the code the device runs, on the desktop: over TCP to a private mosquitto
/// (started on a free 127.0.0.1 port and stopped on exit) or to HOST PORT, a reading every second until Ctrl+C.
/// usage: EdgeSensor.Sample.MinimalMqtt.Desktop [HOST PORT]
/// </summary>
static class Program
{
    const string ClientId = "sample-desktop";
    const string Prefix = "edgesensor-sample/" + ClientId;
    const int ReadingIntervalMs = 1000;
    const int StopTimeoutMs = 2000;

    static int Main(string[] args)
    {
        if (args.Length != 0 && (args.Length != 2 || !int.TryParse(args[1], out _)))
        {
            Console.Error.WriteLine("usage: EdgeSensor.Sample.MinimalMqtt.Desktop [HOST PORT]");
            return 1;
        }

        using PrivateBroker broker = args.Length == 0 ? StartBroker() : null;
        if (args.Length == 0 && broker == null) return 1;
        string host = broker != null ? broker.Host : args[0];
        int port = broker != null ? broker.Port : int.Parse(args[1]);
        Console.WriteLine("broker " + host + ":" + port + (broker != null ? " (private mosquitto, stopped on exit)" : ""));
        Console.WriteLine("watch:   mosquitto_sub -h " + host + " -p " + port + " -v -t '" + Prefix + "/#'");
        Console.WriteLine("command: mosquitto_pub -h " + host + " -p " + port + " -t " + Prefix + "/cmd/led -m ON");

        using var stop = new ManualResetEventSlim();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Set();
        };

        var sample = new MinimalMqttSample(new TcpTransport(host, port), new SystemClock(), ClientId, Prefix, new ConsoleBoard());
        sample.Start();
        for (int n = 0; !stop.IsSet; n++)
        {
            MqttPublishResult result = sample.PublishReading(200 + (n * 7 % 50));
            if (result != MqttPublishResult.Accepted) Console.WriteLine("reading skipped: " + result);
            stop.Wait(ReadingIntervalMs);
        }

        return sample.Stop(StopTimeoutMs) ? 0 : 1;
    }

    static PrivateBroker StartBroker()
    {
        try
        {
            return PrivateBroker.StartNew();
        }
        catch (MosquittoNotInstalledException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    sealed class ConsoleBoard : ISampleBoard
    {
        public void SwitchLed(bool on) => Console.WriteLine("LED " + (on ? "on" : "off"));

        public void Log(string line) => Console.WriteLine(line);
    }
}
