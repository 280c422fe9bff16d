using System;
using System.IO;
using System.Text.Json;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using Xunit;

namespace EdgeSensor.Integration.Tests.Device;

/// <summary>
/// An ACL mistake, end to end: mosquitto lets the device publish but refuses its command subscription (SUBACK 0x80).
/// The device must say so where an operator looks: <c>deaf</c> as its retained status and a <c>subscribe_refused</c>
/// event naming the filter, seen through paho.
/// </summary>
public sealed class DeafDeviceTests : IDisposable
{
    readonly PrivateBroker broker;
    readonly SimulatedDevice device;
    readonly DeviceObserver observer;

    public DeafDeviceTests()
    {
        string id = "deaf-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        string deviceBase = "edgesensor/" + id;
        // mosquitto 2.0's acl_file grants every subscription, so the refusal comes from its dynamic security plugin;
        // the observer's <base>/# is granted.
        var options = new PrivateBrokerOptions();
        options.RefusedSubscriptions.Add(deviceBase + "/cmd/+");
        broker = PrivateBroker.StartNew(options);
        byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleConfigs", "simulated.json"));
        DeviceConfig config = DeviceConfigParser.Parse(sample, 0, sample.Length);
        config.Id = id;
        config.Broker.Port = broker.Port;
        config.TelemetryIntervalSeconds = 1;
        config.HomeAssistantDiscovery = false;
        device = SimulatedDevice.OverTcp(config, drift: false);
        observer = new DeviceObserver(broker.Host, broker.Port, deviceBase);
    }

    [Fact]
    public void A_refused_command_subscription_makes_the_device_deaf_and_names_the_filter()
    {
        device.Start();
        Assert.Equal("online", observer.Next("status").Text);
        var deaf = observer.Next("status");
        Assert.Equal("deaf", deaf.Text);
        JsonElement refused = observer.NextJson("event", e => e.GetProperty("event").GetString() == "subscribe_refused");
        Assert.Equal(observer.Base + "/cmd/+", refused.GetProperty("filter").GetString());

        // Deaf is not offline: telemetry still flows.
        observer.NextJson("telemetry");

        // Retained: an operator who looks later still sees it.
        using var late = new DeviceObserver(broker.Host, broker.Port, observer.Base);
        var kept = late.Next("status");
        Assert.Equal(("deaf", true), (kept.Text, kept.Retain));
    }

    public void Dispose()
    {
        device.Dispose();
        observer.Dispose();
        broker.Dispose();
    }
}
