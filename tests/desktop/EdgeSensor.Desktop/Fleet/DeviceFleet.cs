using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using EdgeSensor.Device.Config;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// Many simulated devices against one broker, from a few threads: each device has its own board, app, MQTT
/// session and non-blocking socket, and one shard thread per processor serves a share of them. Connects are
/// staggered so that the broker is not hit by the whole fleet at once.
/// </summary>
public sealed class DeviceFleet : IDisposable
{
    /// <summary>How long to wait for the shards to finish their goodbyes (they give up on their own before).</summary>
    const int JoinTimeoutMs = 30_000;

    readonly FleetDevice[] devices;
    readonly FleetShard[] shards;
    readonly string[] ids;
    int started;
    int stopped;

    /// <param name="template">Copied for every device; device i gets the id <c>template.Id + "-" + i</c> (four digits at least) and board seed i + 1.</param>
    public DeviceFleet(DeviceConfig template, int count, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        IPEndPoint broker = new IPEndPoint(Resolve(host), port);
        devices = new FleetDevice[count];
        for (int i = 0; i < count; i++)
        {
            devices[i] = new FleetDevice(FleetDeviceConfig.For(template, i, host, port), seed: i + 1, broker);
        }

        ids = devices.Select(d => d.Config.Id).ToArray();
        int shardCount = Math.Min(Environment.ProcessorCount, count);
        shards = new FleetShard[shardCount];
        for (int s = 0; s < shardCount; s++)
        {
            // Dealt round-robin, so that the staggered connects keep every shard equally busy.
            FleetDevice[] share = devices.Where((_, i) => i % shardCount == s).ToArray();
            shards[s] = new FleetShard(share, "fleet shard " + s);
        }
    }

    /// <summary>Time between one device's first connect and the next's; set before <see cref="Start"/>.</summary>
    public int ConnectSpacingMs { get; set; } = 5;

    /// <summary>Devices whose MQTT session is connected (CONNACK accepted, not closing).</summary>
    public int Online => devices.Count(d => d.Online);

    /// <summary>Telemetry documents handed to MQTT, summed over the fleet.</summary>
    public long TelemetryPublished => devices.Sum(d => d.TelemetryPublished);

    public string[] Ids => (string[])ids.Clone();

    /// <summary>The threads serving the fleet.</summary>
    public int ThreadCount => shards.Length;

    /// <summary>Shard loops that failed (null when none did); their devices were dropped.</summary>
    public AggregateException Failures
    {
        get
        {
            Exception[] failures = shards.Select(s => s.Failure).Where(f => f != null).ToArray();
            return failures.Length == 0 ? null : new AggregateException(failures);
        }
    }

    public void Start()
    {
        if (System.Threading.Interlocked.Exchange(ref started, 1) == 1) throw new InvalidOperationException("The fleet is already started.");
        long now = Environment.TickCount64;
        for (int i = 0; i < devices.Length; i++) devices[i].ConnectAt(now + (long)i * ConnectSpacingMs);
        foreach (FleetShard shard in shards) shard.Start();
    }

    /// <summary>Graceful: every connected device publishes retained <c>offline</c>, sends DISCONNECT once that is acknowledged, then closes.</summary>
    public void Stop()
    {
        if (System.Threading.Interlocked.Exchange(ref stopped, 1) == 1 || started == 0) return;
        foreach (FleetShard shard in shards) shard.RequestStop();
        foreach (FleetShard shard in shards) shard.Join(JoinTimeoutMs);
    }

    public void Dispose()
    {
        Stop();
    }

    static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress address)) return address;
        IPAddress[] addresses = Dns.GetHostAddresses(host);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        return Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
    }
}
