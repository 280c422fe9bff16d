using System;
using System.IO;
using System.Linq;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Fleet;
using EdgeSensor.Device.Config;
using Xunit;

namespace EdgeSensor.Integration.Tests.Fleet;

/// <summary>
/// Fifty simulated devices on a few threads against a private mosquitto, watched by a separate MQTT client
/// subscribed to every device's status and telemetry.
/// </summary>
public sealed class FleetTests : IDisposable
{
    const int DeviceCount = 50;
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    readonly PrivateBroker broker = PrivateBroker.StartNew();
    readonly DeviceFleet fleet;
    readonly FleetObserver observer;
    readonly string[] ids;

    public FleetTests()
    {
        fleet = new DeviceFleet(Template(), DeviceCount, broker.Host, broker.Port);
        ids = fleet.Ids;
        observer = new FleetObserver(broker.Host, broker.Port, "edgesensor");
        observer.Start(Deadline);
    }

    /// <summary>The sample simulated device, reporting every second, with a unique id per test run.</summary>
    internal static DeviceConfig Template()
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleConfigs", "simulated.json"));
        DeviceConfig config = DeviceConfigParser.Parse(sample, 0, sample.Length);
        config.Id = "fleet-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        config.TelemetryIntervalSeconds = 1;
        config.HomeAssistantDiscovery = false;
        return config;
    }

    [Fact]
    public void FiftyDevices_GoOnline_SendTelemetry_AndStopLeavesEveryOneRetainedOffline()
    {
        fleet.Start();

        Assert.True(observer.WaitUntil(() => observer.CountWithStatus(ids, "online") == DeviceCount, Deadline),
            observer.CountWithStatus(ids, "online") + " of " + DeviceCount + " devices reported online; shard failures: " + fleet.Failures);
        // The device announces itself right after CONNACK, in the same pass that marks it online: wait out that pass.
        Assert.True(SpinWait.SpinUntil(() => fleet.Online == DeviceCount, Deadline), fleet.Online + " devices online");
        Assert.True(fleet.ThreadCount <= Environment.ProcessorCount, fleet.ThreadCount + " threads");

        Assert.True(observer.WaitUntil(() => observer.CountWithTelemetry(ids) == DeviceCount, Deadline),
            observer.CountWithTelemetry(ids) + " of " + DeviceCount + " devices were seen sending telemetry");
        Assert.True(fleet.TelemetryPublished >= DeviceCount, fleet.TelemetryPublished + " telemetry documents published");

        fleet.Stop();

        Assert.Equal(0, fleet.Online);
        Assert.Null(fleet.Failures);
        Assert.True(observer.WaitUntil(() => observer.CountWithStatus(ids, "offline") == DeviceCount, Deadline),
            observer.CountWithStatus(ids, "offline") + " of " + DeviceCount + " devices reported offline");

        // The broker kept every device's last status [MQTT-3.3.1-5] and gives it to a new subscriber as retained [MQTT-3.3.1-6]...
        using var late = new FleetObserver(broker.Host, broker.Port, "edgesensor", watchTelemetry: false);
        late.Start(Deadline);
        Assert.True(late.WaitUntil(() => late.CountWithStatus(ids, "offline") == DeviceCount, Deadline),
            late.CountWithStatus(ids, "offline") + " of " + DeviceCount + " retained statuses are offline");
        Assert.All(ids, id => Assert.True(late.StatusWasRetained(id), id + "'s status was not retained"));

        // ...and it is the device's own goodbye, ended by DISCONNECT, not the will after a dropped connection [MQTT-3.1.2-10].
        string log = broker.ReadLog();
        Assert.All(ids, id => Assert.Contains("Client " + id + " disconnected.", log));
    }

    public void Dispose()
    {
        fleet.Dispose();
        observer.Dispose();
        broker.Dispose();
    }
}
