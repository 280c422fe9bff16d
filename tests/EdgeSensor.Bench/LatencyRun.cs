using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using EdgeSensor.Desktop.Mqtt;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Bench;

/// <summary>Round trips: publish, wait for the broker to deliver it back on the client's own subscription, one at a time.</summary>
static class LatencyRun
{
    public static int Run(BenchArguments a)
    {
        var arrived = new AutoResetEvent(false);
        var handler = new BenchHandler { Message = _ => arrived.Set() };
        var client = new MqttClient(new TcpTransport(a.Host, a.Port), new SystemClock(), a.ClientOptions("edgesensor-latency-" + Environment.ProcessId), handler);
        client.Start();
        if (!client.WaitForConnection(10_000)) throw new Exception("no CONNACK within 10 s");
        client.Subscribe(a.Topic, a.Qos);
        if (!handler.Subscribed.Wait(10_000)) throw new Exception("no SUBACK within 10 s");

        byte[] topic = Encoding.UTF8.GetBytes(a.Topic);
        var payload = new byte[a.Size];
        int warmup = Math.Min(1000, a.Count / 10);
        var samples = new double[a.Count];
        for (int i = -warmup; i < a.Count; i++)
        {
            long sent = Stopwatch.GetTimestamp();
            MqttPublishResult result = client.Publish(topic, payload, 0, payload.Length, a.Qos, false);
            if (result != MqttPublishResult.Accepted) throw new Exception("publish refused: " + result);
            if (!arrived.WaitOne(10_000)) throw new Exception("message " + i + " did not come back within 10 s");
            if (i >= 0) samples[i] = Stopwatch.GetElapsedTime(sent).TotalMicroseconds;
        }
        client.Stop(5000);

        Array.Sort(samples);
        Console.WriteLine("LATENCY client=edgesensor qos=" + (int)a.Qos + " n=" + a.Count
            + " p50_us=" + Program.F(Math.Round(samples[(int)(0.50 * (a.Count - 1))], 1))
            + " p99_us=" + Program.F(Math.Round(samples[(int)(0.99 * (a.Count - 1))], 1))
            + " max_us=" + Program.F(Math.Round(samples[a.Count - 1], 1)));
        return 0;
    }
}
