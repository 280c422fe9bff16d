using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Integration.Tests.Device;

/// <summary>
/// The device contract (docs/device-topics.md) end to end: the device on the simulated board, a private mosquitto,
/// and paho-mqtt as the operator.
/// </summary>
public sealed class DeviceTests : IDisposable
{
    readonly PrivateBroker broker = PrivateBroker.StartNew();
    readonly SimulatedDevice device;
    readonly DeviceObserver observer;

    public DeviceTests()
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleConfigs", "simulated.json"));
        DeviceConfig config = DeviceConfigParser.Parse(sample, 0, sample.Length);
        config.Id = "it-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        config.Broker.Port = broker.Port;
        config.TelemetryIntervalSeconds = 1;
        config.FailureEventAfter = 2;
        config.HomeAssistantDiscovery = false;
        device = SimulatedDevice.OverTcp(config, drift: false);
        observer = new DeviceObserver(broker.Host, broker.Port, "edgesensor/" + config.Id);
    }

    void Start() => device.Start();

    EdgeSensor.SimulatedBoard.SimulatedBoard Board => device.Board;

    [Fact]
    public void AfterConnect_OnlineIsRetainedAndInfoAndStatesArePublished()
    {
        Start();
        Assert.Equal("online", observer.Next("status").Text);
        JsonElement info = observer.NextJson("info");
        Assert.Equal(device.Config.Id, info.GetProperty("id").GetString());
        Assert.Equal(new[] { "relay1", "led" }, info.GetProperty("actuators").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("OFF", observer.Next("state/relay1").Text);

        // A late observer gets the retained birth message.
        using var late = new DeviceObserver(broker.Host, broker.Port, observer.Base);
        var status = late.Next("status");
        Assert.True(status.Retain);
        Assert.Equal("online", status.Text);
    }

    [Fact]
    public void Telemetry_IsValidJsonWithIncreasingSeq()
    {
        Start();
        JsonElement[] docs = Enumerable.Range(0, 3).Select(_ => observer.NextJson("telemetry")).ToArray();
        long[] seq = docs.Select(d => d.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(new[] { seq[0], seq[0] + 1, seq[0] + 2 }, seq);
        JsonElement sensors = docs[2].GetProperty("sensors");
        Assert.InRange(sensors.GetProperty("sht31").GetProperty("temperature_c").GetDouble(), -40, 125);
        Assert.InRange(sensors.GetProperty("bme280").GetProperty("pressure_hpa").GetDouble(), 300, 1100);
        Assert.Equal(0, docs[2].GetProperty("errors").GetProperty("dht22").GetInt32());
    }

    [Fact]
    public void FailingSensor_IsNullInTelemetryAndReportedOnce()
    {
        Start();
        observer.NextJson("telemetry");
        Board.InjectI2cFault("sht31", SimulatedI2cFault.Nack);
        JsonElement failed = observer.NextJson("event", e => e.GetProperty("event").GetString() == "sensor_failed");
        Assert.Equal("sht31", failed.GetProperty("sensor").GetString());
        JsonElement doc = observer.NextJson("telemetry", d => d.GetProperty("errors").GetProperty("sht31").GetInt32() >= 3);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("sensors").GetProperty("sht31").GetProperty("temperature_c").ValueKind);
        Assert.Single(observer.Seen, m => m.Topic.EndsWith("/event") && m.Text.Contains("sensor_failed"));

        Board.ClearI2cFault("sht31");
        Assert.Equal("sht31", observer.NextJson("event", e => e.GetProperty("event").GetString() == "sensor_recovered").GetProperty("sensor").GetString());
    }

    [Fact]
    public void OnOffToggle_DriveTheRelayAndTheRetainedState()
    {
        Start();
        observer.Next("state/relay1", m => m.Text == "OFF");
        observer.Command("relay1", Encoding.UTF8.GetBytes("ON"));
        observer.Next("state/relay1", m => m.Text == "ON");
        Assert.False(Board.Relay("relay1").Level); // active-low module: on = low
        using (var late = new DeviceObserver(broker.Host, broker.Port, observer.Base))
        {
            // A live subscriber gets RETAIN=0 [MQTT-3.3.1-9]; a new one sees that the state was kept.
            var kept = late.Next("state/relay1");
            Assert.Equal(("ON", true), (kept.Text, kept.Retain));
        }

        observer.Command("relay1", Encoding.UTF8.GetBytes(" toggle "));
        observer.Next("state/relay1", m => m.Text == "OFF");
        Assert.True(Board.Relay("relay1").Level);

        observer.Command("led", Encoding.UTF8.GetBytes("55"));
        Assert.Equal("55", observer.Next("state/led", m => m.Text == "55").Text);
        Assert.Equal(55, Board.Pwm("led").DutyPercent);
    }

    [Theory]
    [InlineData("relay1", "MAYBE", "invalid_payload")]
    [InlineData("led", "250", "invalid_payload")]
    [InlineData("pump", "ON", "unknown_actuator")]
    [InlineData("relay1", "ONONONONONONONONONONONONONONONONONON", "payload_too_large")]
    [InlineData("relay1", "\xFF\xFE", "invalid_utf8")]
    public void BadCommands_AreRejectedWithAnEventAndTheDeviceStaysConnected(string actuator, string payload, string reason)
    {
        Start();
        observer.Next("state/relay1");
        byte[] bytes = payload.StartsWith('\xFF') ? new byte[] { 0xFF, 0xFE } : Encoding.UTF8.GetBytes(payload);
        observer.Command(actuator, bytes);
        JsonElement rejected = observer.NextJson("event", e => e.GetProperty("event").GetString() == "command_rejected");
        Assert.Equal((actuator, reason), (rejected.GetProperty("actuator").GetString(), rejected.GetProperty("reason").GetString()));
        Assert.True(Board.Relay("relay1").Level); // unchanged: still off
        Assert.True(device.Client.IsConnected);

        observer.Command("relay1", Encoding.UTF8.GetBytes("ON")); // and it still obeys
        observer.Next("state/relay1", m => m.Text == "ON");
    }

    /// <summary>
    /// A retained command would switch the relay again on every reconnect ("ghost switching"): the broker hands
    /// it over with RETAIN=1 when the device subscribes [MQTT-3.3.1-6], and the device must not obey it.
    /// </summary>
    [Fact]
    public void RetainedCommand_IsIgnoredAndReported()
    {
        observer.Command("relay1", Encoding.UTF8.GetBytes("ON"), retain: true);
        Start();
        JsonElement rejected = observer.NextJson("event", e => e.GetProperty("event").GetString() == "command_rejected");
        Assert.Equal(("relay1", "retained"), (rejected.GetProperty("actuator").GetString(), rejected.GetProperty("reason").GetString()));
        Assert.Contains(observer.Seen, m => m.Topic == observer.Base + "/state/relay1" && m.Text == "OFF");
        Assert.DoesNotContain(observer.Seen, m => m.Topic == observer.Base + "/state/relay1" && m.Text == "ON");
        Assert.True(Board.Relay("relay1").Level); // still off
        observer.Command("relay1", Array.Empty<byte>(), retain: true); // clear it from the broker
    }

    [Fact]
    public void DeviceKilledWithoutDisconnect_TheBrokerPublishesOffline()
    {
        Start();
        observer.Next("status", m => m.Text == "online");
        device.Kill();
        var status = observer.Next("status", m => m.Text == "offline");
        Assert.Equal(1, status.Qos);
    }

    [Fact]
    public void GracefulStop_PublishesOfflineItself()
    {
        Start();
        observer.Next("status", m => m.Text == "online");
        device.Stop();
        Assert.Equal("offline", observer.Next("status").Text);
    }

    public void Dispose()
    {
        device.Stop();
        observer.Dispose();
        broker.Dispose();
    }
}
