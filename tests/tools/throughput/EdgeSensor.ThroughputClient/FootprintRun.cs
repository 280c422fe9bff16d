using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.ThroughputClient;

/// <summary>
/// <c>edgesensor-bench footprint HOST PORT</c>: what an idle connected client costs. Managed heap retained after a
/// full collection, beyond the buffers its options ask for: the first client (which also pays for one-time runtime
/// state), the 100th, and the average of clients 2 to 100 (single measurements are noisy by a few hundred bytes); threads added
/// per client; and the size of EdgeSensor.Mqtt.dll.
/// </summary>
static class FootprintRun
{
    const int Clients = 100;

    public static int Run(string host, int port)
    {
        var options = new MqttClientOptions();
        int buffers = options.Session.ReceiveBufferSize + options.Session.SendBufferSize + options.Session.OutboxSize;
        var clients = new MqttClient[Clients];
        long[] retained = new long[Clients];
        int threadsBefore = Process.GetCurrentProcess().Threads.Count;

        // The first connection warms up the runtime (sockets, JIT, thread pool); it is not counted.
        MqttClient warmup = Connect(host, port, "footprint-warmup");
        warmup.Stop(5000);

        for (int i = 0; i < Clients; i++)
        {
            long before = Heap();
            clients[i] = Connect(host, port, "footprint-" + Environment.ProcessId + "-" + i);
            retained[i] = Heap() - before;
        }
        int threadsAfter = Process.GetCurrentProcess().Threads.Count;
        long total = 0;
        for (int i = 1; i < Clients; i++) total += retained[i];
        long average = total / (Clients - 1);
        foreach (MqttClient client in clients) client.Stop(5000);

        // A Native AOT build has no EdgeSensor.Mqtt.dll beside it: then the size is reported as 0 (run the JIT build).
        string dllPath = Path.Combine(AppContext.BaseDirectory, "EdgeSensor.Mqtt.dll");
        long dll = File.Exists(dllPath) ? new FileInfo(dllPath).Length : 0;
        Console.WriteLine("FOOTPRINT client=edgesensor buffers_bytes=" + buffers
            + " first_client_retained_bytes=" + retained[0] + " first_client_beyond_buffers_bytes=" + (retained[0] - buffers)
            + " client100_retained_bytes=" + retained[Clients - 1]
            + " clients_2_to_100_average_retained_bytes=" + average + " average_beyond_buffers_bytes=" + (average - buffers)
            + " threads_per_client=" + Program.F((double)(threadsAfter - threadsBefore) / Clients)
            + " mqtt_dll_bytes=" + dll);
        return 0;
    }

    static MqttClient Connect(string host, int port, string id)
    {
        var options = new MqttClientOptions();
        options.Connect.ClientId = id;
        var client = new MqttClient(new TcpTransport(host, port), new SystemClock(), options, new BenchHandler());
        client.Start();
        if (!client.WaitForConnection(10_000)) throw new Exception("no CONNACK within 10 s for " + id);
        return client;
    }

    static long Heap()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Thread.Sleep(50); // let the new client's I/O thread settle into its read wait before measuring
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
