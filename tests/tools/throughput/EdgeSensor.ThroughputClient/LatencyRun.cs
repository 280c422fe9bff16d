using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Threading;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.ThroughputClient;

/// <summary>
/// Round trips, one at a time: publish to a topic the client subscribes to itself and wait for that message (by
/// the sequence number in its payload) and, at QoS 1, for its PUBACK too; the first 100 are warm-up.
/// </summary>
static class LatencyRun
{
    const int Warmup = 100;

    public static int Run(BenchArguments a)
    {
        long expected = 0;
        var arrived = new AutoResetEvent(false);
        var handler = new BenchHandler
        {
            Message = m =>
            {
                if (m.PayloadCount >= 8 && BinaryPrimitives.ReadInt64LittleEndian(m.Buffer.AsSpan(m.PayloadOffset, 8)) == Interlocked.Read(ref expected)) arrived.Set();
            },
        };
        var client = new MqttClient(new TcpTransport(a.Host, a.Port), new SystemClock(), a.ClientOptions("edgesensor-latency-" + Environment.ProcessId), handler);
        client.Start();
        if (!client.WaitForConnection(10_000)) throw new Exception("no CONNACK within 10 s");
        client.Subscribe(a.Topic, a.Qos);
        if (!handler.Subscribed.Wait(10_000)) throw new Exception("no SUBACK within 10 s");

        byte[] topic = Encoding.UTF8.GetBytes(a.Topic);
        var payload = new byte[Math.Max(8, a.Size)];
        var samples = new double[a.Count];
        for (int i = -Warmup; i < a.Count; i++)
        {
            long sequence = i + Warmup + 1;
            BinaryPrimitives.WriteInt64LittleEndian(payload, sequence);
            Interlocked.Exchange(ref expected, sequence);
            long completedBefore = client.PublishesCompleted;
            long sent = Stopwatch.GetTimestamp();
            MqttPublishResult result = client.Publish(topic, payload, 0, payload.Length, a.Qos, false);
            if (result != MqttPublishResult.Accepted) throw new Exception("publish refused: " + result);
            if (!arrived.WaitOne(10_000)) throw new Exception("message " + sequence + " did not come back within 10 s");
            while (a.Qos != MqttQos.AtMostOnce && client.PublishesCompleted == completedBefore)
            {
                if (!client.WaitForProgress(10_000)) throw new Exception("no PUBACK for message " + sequence + " within 10 s");
            }
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
