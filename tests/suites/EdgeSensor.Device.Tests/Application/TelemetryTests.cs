using System.Linq;
using System.Text.Json;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

public class TelemetryTests
{
    static JsonElement[] Telemetry(DeviceFixture f) =>
        f.Link.Take().Where(m => m.Topic == "edgesensor/dev1/telemetry").Select(m => m.Json).ToArray();

    [Fact]
    public void EveryInterval_OneDocumentWithIncreasingSeqAndFixedDecimals()
    {
        var f = new DeviceFixture();
        f.Connect();
        for (int i = 1; i <= 3; i++)
        {
            f.Now += 10_000;
            f.Device.Tick(f.Now);
        }
        var docs = Telemetry(f);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, docs.Select(d => d.GetProperty("seq").GetInt64()));
        Assert.Equal(30, docs[3].GetProperty("uptime_s").GetInt64());
        var dht = docs[0].GetProperty("sensors").GetProperty("dht22");
        Assert.Equal("21.0", dht.GetProperty("temperature_c").GetRawText());
        Assert.Equal("40.1", dht.GetProperty("humidity_pct").GetRawText());
        Assert.Equal(0, docs[0].GetProperty("errors").GetProperty("dht22").GetInt32());
    }

    [Fact]
    public void TickReturnsTheTimeUntilTheNextDocument()
    {
        var f = new DeviceFixture();
        f.Device.Tick(f.Now);
        Assert.Equal(10_000, f.Device.Tick(f.Now));
        Assert.Equal(4_000, f.Device.Tick(f.Now + 6_000));
    }

    [Fact]
    public void FailedRead_IsNullNeverStale_AndTheEventComesOnceAfterTheThreshold()
    {
        var f = new DeviceFixture();
        f.Connect();
        f.Link.Take();
        f.Dht.Fail = true;
        for (int i = 0; i < 5; i++)
        {
            f.Now += 10_000;
            f.Device.Tick(f.Now);
        }
        var all = f.Link.Take();
        var docs = all.Where(m => m.Topic.EndsWith("/telemetry")).Select(m => m.Json).ToArray();
        Assert.All(docs, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("sensors").GetProperty("dht22").GetProperty("temperature_c").ValueKind));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, docs.Select(d => d.GetProperty("errors").GetProperty("dht22").GetInt32()));
        var failed = Assert.Single(all, m => m.Topic.EndsWith("/event"));
        Assert.Equal(("sensor_failed", "dht22", 3), (failed.Json.GetProperty("event").GetString(), failed.Json.GetProperty("sensor").GetString(), failed.Json.GetProperty("errors").GetInt32()));

        f.Dht.Fail = false;
        f.Now += 10_000;
        f.Device.Tick(f.Now);
        var recovered = f.Link.Take();
        Assert.Equal("sensor_recovered", recovered.Single(m => m.Topic.EndsWith("/event")).Json.GetProperty("event").GetString());
        Assert.Equal(0, recovered.Single(m => m.Topic.EndsWith("/telemetry")).Json.GetProperty("errors").GetProperty("dht22").GetInt32());
    }

    [Fact]
    public void DhtIsNotReadFasterThanItsMinimumInterval()
    {
        var f = new DeviceFixture(c => c.TelemetryIntervalSeconds = 1);
        for (int i = 0; i < 10; i++) f.Device.Tick(f.Now + i * 1000);
        Assert.Equal(5, f.Dht.Reads);
    }

    [Fact]
    public void DocumentsThatCouldNotBeHandedOver_AreCountedAndLeaveAGapInSeq()
    {
        var f = new DeviceFixture();
        f.Device.Tick(f.Now);
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Now += 10_000;
        f.Device.Tick(f.Now);
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Now += 10_000;
        f.Device.Tick(f.Now);
        Assert.Equal(new long[] { 1, 3 }, Telemetry(f).Select(d => d.GetProperty("seq").GetInt64()));
        Assert.Equal(2, f.Device.TelemetryPublished);
    }

    [Fact]
    public void TelemetryQos_FollowsTheConfig()
    {
        var f = new DeviceFixture(c => c.TelemetryQos = 0);
        f.Device.Tick(f.Now);
        var m = f.Link.Messages.Single(x => x.Topic.EndsWith("/telemetry"));
        Assert.Equal((MqttQos.AtMostOnce, false), (m.Qos, m.Retain));
    }
}
