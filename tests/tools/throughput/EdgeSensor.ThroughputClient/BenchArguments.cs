using System;
using System.Globalization;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.ThroughputClient;

sealed record BenchArguments(string Host, int Port, string Topic, int Count, int Size, MqttQos Qos, int Inflight)
{
    public static BenchArguments Parse(string[] args)
    {
        const int positional = 6;
        if (args.Length < positional) throw new ArgumentException("expected " + positional + " arguments, got " + args.Length);
        int i = 0;
        string host = args[i++];
        if (host != "127.0.0.1" && host != "localhost") throw new ArgumentException("HOST must be 127.0.0.1 (loopback only)");
        int port = Int(args[i++], "PORT", 1, 65535);
        string topic = args[i++];
        int count = Int(args[i++], "N", 1, int.MaxValue);
        int size = Int(args[i++], "SIZE", 0, 1 << 20);
        var qos = (MqttQos)Int(args[i++], "QOS", 0, 2);
        int inflight = 20;
        for (; i < args.Length; i++)
        {
            if (args[i] == "--inflight" && i + 1 < args.Length) inflight = Int(args[++i], "--inflight", 1, 65535);
            else throw new ArgumentException("unknown option " + args[i]);
        }
        return new BenchArguments(host, port, topic, count, size, qos, inflight);
    }

    static int Int(string text, string name, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new ArgumentException(name + " must be an integer from " + min + " to " + max + ", got '" + text + "'");
        }
        return value;
    }

    /// <summary>Options sized for the run: the outbox holds the whole window, the send buffer a good batch.</summary>
    public MqttClientOptions ClientOptions(string clientId)
    {
        int packet = MqttEncoder.PublishSize(System.Text.Encoding.UTF8.GetByteCount(Topic), Qos, Size);
        var options = new MqttClientOptions();
        options.Connect.ClientId = clientId;
        options.Connect.CleanSession = true;
        options.Connect.KeepAliveSeconds = 60;
        options.Session.InflightWindow = Inflight;
        options.Session.SendBufferSize = Math.Max(16 * 1024, 2 * packet + 64);
        options.Session.ReceiveBufferSize = Math.Max(4 * 1024, packet + 64);
        options.Session.OutboxSize = Math.Max(4 * 1024, 2 * Inflight * (packet + 8));
        return options;
    }
}
