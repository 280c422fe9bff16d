using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.ThroughputClient;

/// <summary>
/// Publishes N messages and reports when all are complete: QoS 0 written to the socket, QoS 1 acknowledged
/// (QoS 2 completed). The caller's thread writes its own packets; at QoS 1/2 the inflight window bounds the outbox.
/// </summary>
static class PublishRun
{
    public static int Run(BenchArguments a)
    {
        var handler = new BenchHandler();
        var client = new MqttClient(new TcpTransport(a.Host, a.Port), new SystemClock(), a.ClientOptions("edgesensor-bench-" + Environment.ProcessId), handler);
        client.Start();
        if (!client.WaitForConnection(10_000)) throw new Exception("no CONNACK within 10 s from " + a.Host + ":" + a.Port);

        byte[] topic = Encoding.UTF8.GetBytes(a.Topic);
        var payload = new byte[a.Size];
        new Random(1).NextBytes(payload);

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        double startEpoch = DateTime.UtcNow.Subtract(DateTime.UnixEpoch).TotalSeconds;
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < a.Count; i++)
        {
            while (true)
            {
                MqttPublishResult result = client.Publish(topic, payload, 0, payload.Length, a.Qos, false);
                if (result == MqttPublishResult.Accepted) break;
                if (result != MqttPublishResult.OutboxFull) throw new Exception("publish " + i + " refused: " + result);
                client.WaitForProgress(1000);
            }
        }
        if (a.Qos != MqttQos.AtMostOnce)
        {
            while (client.PublishesCompleted < a.Count)
            {
                if (!client.IsConnected) throw new Exception("connection lost after " + client.PublishesCompleted + " acknowledgements");
                client.WaitForProgress(1000);
            }
        }
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        client.Stop(5000);

        Console.WriteLine("RESULT client=edgesensor qos=" + (int)a.Qos + " n=" + a.Count + " size=" + a.Size
            + " seconds=" + Program.F(seconds) + " msgs_per_s=" + Program.F(a.Count / seconds) + " start_epoch=" + Program.F(startEpoch)
            + " alloc_bytes_per_msg=" + Program.F((double)allocated / a.Count) + " inflight=" + a.Inflight
            + " runtime=" + (RuntimeFeature.IsDynamicCodeSupported ? "jit" : "aot"));
        return 0;
    }
}
