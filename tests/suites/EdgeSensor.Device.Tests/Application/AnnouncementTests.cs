using System.Linq;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

public class AnnouncementTests
{
    [Fact]
    public void SafeStates_AreAppliedBeforeAnyNetwork()
    {
        var f = new DeviceFixture();
        Assert.True(f.Relay.Level); // relay off on an active-low module = pin high
        Assert.Equal(5, f.Led.Percent);
        Assert.Empty(f.Link.Messages);
    }

    [Fact]
    public void ConnectOptions_CarryTheOfflineWill()
    {
        var f = new DeviceFixture(c => { c.Broker.UserName = "u"; c.Broker.Password = "s3cret"; c.KeepAliveSeconds = 15; });
        var connect = f.Device.CreateConnectOptions();
        Assert.Equal(("dev1", "edgesensor/dev1/status", "offline", MqttQos.AtLeastOnce, true, 15),
            (connect.ClientId, connect.WillTopic, System.Text.Encoding.UTF8.GetString(connect.WillPayload), connect.WillQos, connect.WillRetain, connect.KeepAliveSeconds));
        Assert.Equal("s3cret"u8.ToArray(), connect.Password);
    }

    [Fact]
    public void Attach_SubscribesToCommands()
    {
        var f = new DeviceFixture();
        Assert.Equal(new[] { "edgesensor/dev1/cmd/+" }, f.Link.Subscriptions);
    }

    [Fact]
    public void AfterEveryConnect_OnlineInfoAndStatesAreRepublished_BootOnlyOnce()
    {
        var f = new DeviceFixture();
        f.Device.IpAddress = "10.0.0.7";
        f.Connect();
        var first = f.Link.Take().Where(m => m.Topic != "edgesensor/dev1/telemetry").ToList();

        Assert.Equal(new Published("edgesensor/dev1/status", "online", MqttQos.AtLeastOnce, true), first[0]);
        var info = first.Single(m => m.Topic == "edgesensor/dev1/info");
        Assert.True(info.Retain);
        Assert.Equal("dev1", info.Json.GetProperty("id").GetString());
        Assert.Equal("1.2.3", info.Json.GetProperty("fw").GetString());
        Assert.Equal("10.0.0.7", info.Json.GetProperty("ip").GetString());
        Assert.Equal(10, info.Json.GetProperty("telemetry_s").GetInt32());
        Assert.Equal(new[] { "dht22" }, info.Json.GetProperty("sensors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "relay1", "led" }, info.Json.GetProperty("actuators").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(new Published("edgesensor/dev1/state/relay1", "OFF", MqttQos.AtLeastOnce, true), first);
        Assert.Contains(new Published("edgesensor/dev1/state/led", "5", MqttQos.AtLeastOnce, true), first);
        Assert.Equal("boot", first.Single(m => m.Topic == "edgesensor/dev1/event").Json.GetProperty("event").GetString());

        f.Handler.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Connect();
        var second = f.Link.Take().Select(m => m.Topic).ToList();
        Assert.Contains("edgesensor/dev1/status", second);
        Assert.Contains("edgesensor/dev1/info", second);
        Assert.Contains("edgesensor/dev1/state/relay1", second);
        Assert.DoesNotContain("edgesensor/dev1/event", second);
    }

    [Fact]
    public void FullOutbox_DelaysAnnouncementsWithoutLosingThem()
    {
        var f = new DeviceFixture();
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Handler.OnConnected(false);
        long due = f.Device.Tick(f.Now);
        Assert.True(due <= 100, "retries soon");
        Assert.Empty(f.Link.Messages);

        f.Link.Answer = MqttPublishResult.Accepted;
        f.Now += due;
        f.Device.Tick(f.Now);
        var topics = f.Link.Take().Select(m => m.Topic).ToList();
        Assert.Contains("edgesensor/dev1/status", topics);
        Assert.Contains("edgesensor/dev1/state/led", topics);
    }

    [Fact]
    public void HomeAssistantDiscovery_PublishesRetainedConfigsWithAvailabilityAndDevice()
    {
        var f = new DeviceFixture(c => c.HomeAssistantDiscovery = true);
        f.Connect();
        var configs = f.Link.Take().Where(m => m.Topic.StartsWith("homeassistant/")).ToList();
        Assert.Equal(new[]
        {
            "homeassistant/sensor/dev1/dht22_temperature_c/config",
            "homeassistant/sensor/dev1/dht22_humidity_pct/config",
            "homeassistant/switch/dev1/relay1/config",
            "homeassistant/number/dev1/led/config",
        }, configs.Select(m => m.Topic));
        foreach (var c in configs)
        {
            Assert.True(c.Retain);
            var doc = c.Json;
            Assert.Equal("edgesensor/dev1/status", doc.GetProperty("availability_topic").GetString());
            Assert.Equal("online", doc.GetProperty("payload_available").GetString());
            Assert.Equal("offline", doc.GetProperty("payload_not_available").GetString());
            Assert.StartsWith("dev1_", doc.GetProperty("unique_id").GetString());
            Assert.Equal("dev1", doc.GetProperty("device").GetProperty("identifiers")[0].GetString());
        }
        Assert.Equal("edgesensor/dev1/cmd/relay1", configs[2].Json.GetProperty("command_topic").GetString());
        Assert.Equal("°C", configs[0].Json.GetProperty("unit_of_measurement").GetString());
    }

    [Fact]
    public void PublishOffline_IsRetainedStatus()
    {
        var f = new DeviceFixture();
        f.Device.PublishOffline();
        Assert.Equal(new Published("edgesensor/dev1/status", "offline", MqttQos.AtLeastOnce, true), f.Link.Messages.Single());
    }
}
