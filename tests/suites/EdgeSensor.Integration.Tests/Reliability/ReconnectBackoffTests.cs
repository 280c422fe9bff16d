using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;
using Xunit.Abstractions;

namespace EdgeSensor.Integration.Tests.Reliability;

[Collection(SerialCollection.Name)]
public sealed class ReconnectBackoffTests
{
    const int InitialMs = 100;
    const int MaxMs = 1600;
    const int EarlyAttempt = 5;
    const int LateAttempt = 12;
    const int AllowedExtraThreads = 2;
    const long AllowedHeapGrowthBytes = 512 * 1024;

    readonly ITestOutputHelper output;

    public ReconnectBackoffTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// With nothing listening, every attempt fails at once (connection refused), so only the backoff spaces them:
    /// delays grow from 100 ms to the 1.6 s cap with jitter (each at least half its nominal value), the attempt
    /// count stays bounded (no tight loop), and failed attempts leak neither threads nor memory (measured at
    /// attempt 5 and attempt 12; 12 rather than 15 keeps the test near 8 s, since every attempt past the fifth
    /// waits 0.8 to 1.6 s).
    /// </summary>
    [Fact]
    public void Attempts_against_a_dead_port_back_off_exponentially_without_leaking_threads_or_memory()
    {
        int port = UnusedPort();
        var clock = Stopwatch.StartNew();
        var handler = new TimelineHandler(clock);
        MqttClientOptions options = TestClient.DefaultOptions(TestTopics.UniqueClientId("backoff"));
        options.InitialReconnectDelayMs = InitialMs;
        options.MaxReconnectDelayMs = MaxMs;
        options.Session.ConnectTimeoutMs = 2000;
        var client = new MqttClient(new TcpTransport("127.0.0.1", port), new SystemClock(), options, handler);
        client.Start();
        try
        {
            handler.WaitUntil((c, d) => d.Count >= EarlyAttempt, EarlyAttempt + " attempts");
            (int threads, long heap) early = Measure();
            handler.WaitUntil((c, d) => d.Count >= LateAttempt, LateAttempt + " attempts");
            (int threads, long heap) late = Measure();
            long elapsedMs = clock.ElapsedMilliseconds;
            var attempts = handler.Disconnections;

            var times = attempts.Take(LateAttempt).Select(a => a.AtMs).ToList();
            var gaps = BackoffAssertions.AssertGapsRespectBackoff(times, InitialMs, MaxMs);
            output.WriteLine(attempts.Count + " attempts in " + elapsedMs + " ms; gaps (ms): " + string.Join(" ", gaps)
                + "; threads " + early.threads + " -> " + late.threads + ", heap " + early.heap + " -> " + late.heap + " bytes");
            output.WriteLine("last transport error: " + client.LastTransportError);

            Assert.All(attempts, a => Assert.Equal(MqttError.ConnectFailed, a.Reason));
            Assert.Equal(attempts.Count, client.ConnectionAttempts);
            // The floors add up to at least this much time for LateAttempt attempts: more attempts would be a tight loop.
            long floorSum = Enumerable.Range(1, LateAttempt - 1).Sum(n => BackoffAssertions.Nominal(n, InitialMs, MaxMs) / 2);
            Assert.True(times[^1] - times[0] >= floorSum);
            Assert.True(late.threads <= early.threads + AllowedExtraThreads, "threads grew from " + early.threads + " to " + late.threads);
            Assert.True(late.heap <= early.heap + AllowedHeapGrowthBytes, "the heap grew from " + early.heap + " to " + late.heap + " bytes");
        }
        finally
        {
            client.Stop(5000);
        }
    }

    static (int Threads, long Heap) Measure()
    {
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (process.Threads.Count, heap);
    }

    /// <summary>A loopback port nothing listens on: bound once by us and released.</summary>
    static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
