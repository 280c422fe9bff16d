using System;
using System.Text.Json;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Integration.Tests.Reliability;
using Xunit;

namespace EdgeSensor.Integration.Tests.Device;

/// <summary>
/// A device that lost its connection says why once it is back: the device reaches mosquitto through the fault
/// proxy, which breaks its link, while paho watches the broker directly and so sees the whole story.
/// </summary>
public sealed class DisconnectReportTests : IDisposable
{
    readonly PrivateBroker broker = PrivateBroker.StartNew();
    readonly FaultProxy proxy;
    readonly SimulatedDevice device;
    readonly DeviceObserver observer;

    public DisconnectReportTests()
    {
        proxy = new FaultProxy(broker.Port);
        DeviceConfig config = SampleDevice.Config(proxy.Port);
        config.KeepAliveSeconds = 2;
        device = SimulatedDevice.OverTcp(config, drift: false);
        observer = new DeviceObserver(broker.Host, broker.Port, "edgesensor/" + config.Id);
        device.Start();
        Assert.Equal("online", observer.Next("status").Text);
        observer.Next("state/relay1");
    }

    [Fact]
    public void A_cut_link_is_reported_as_TransportClosed_after_the_reconnect()
    {
        Assert.Equal(1, proxy.Cut());

        JsonElement report = NextDisconnectedEvent();
        Assert.Equal("TransportClosed", report.GetProperty("reason").GetString());
        Assert.False(report.TryGetProperty("code", out _), report.ToString());
    }

    [Fact]
    public void A_link_gone_silent_is_reported_as_KeepAliveTimeout_after_the_reconnect()
    {
        proxy.GoSilent();

        JsonElement report = NextDisconnectedEvent();
        Assert.Equal("KeepAliveTimeout", report.GetProperty("reason").GetString());
    }

    /// <summary>The reconnect's own announcement: <c>online</c> again, then the event, which is not retained, so it was published after the failure.</summary>
    JsonElement NextDisconnectedEvent()
    {
        // The will, published by mosquitto when the device's link ends (a cut link, or the broker's keepalive).
        observer.Next("status", m => m.Text == "offline");
        observer.Next("status", m => m.Text == "online");
        JsonElement report = observer.NextJson("event", e => e.GetProperty("event").GetString() == "disconnected");
        Assert.Single(observer.Seen, m => m.Topic == observer.Base + "/event" && m.Text.Contains("\"disconnected\""));
        return report;
    }

    public void Dispose()
    {
        device.Dispose();
        observer.Dispose();
        proxy.Dispose();
        broker.Dispose();
    }
}
