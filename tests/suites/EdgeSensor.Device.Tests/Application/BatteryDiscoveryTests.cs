using System.Linq;
using System.Text.Json;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

/// <summary>
/// Home Assistant discovery of a battery board (docs/battery.md), whole documents on the desktop (the NanoTests check a
/// field on nanoCLR, their string table being nearly full): each is the mains document, which the NanoTests pin byte
/// for byte, with asleep mapped to available and QoS 1 commands, and sensors that expire once the next report is overdue.
/// </summary>
public class BatteryDiscoveryTests
{
    const string Template = "{{ 'online' if value[:6] == 'asleep' else value }}";
    const string SensorTopic = "homeassistant/sensor/dev1/dht22_temperature_c/config";

    /// <summary>Every discovery document of a cold boot, in the order published, for a board with the sample's DHT22, relay and PWM output.</summary>
    static Published[] Documents(bool battery, int interval = 600, int awake = 20, string id = "dev1")
    {
        var config = new DeviceConfig
        {
            Id = id,
            HomeAssistantDiscovery = true,
            Battery = battery,
            TelemetryIntervalSeconds = interval,
            AwakeLimitSeconds = awake,
            Actuators = new[]
            {
                new ActuatorConfig { Kind = ActuatorKind.Relay, Name = "relay1", Pin = 26, ActiveLow = true },
                new ActuatorConfig { Kind = ActuatorKind.Pwm, Name = "led", Pin = 25, SafePercent = 5 },
            },
        };
        var actuators = new Actuator[] { new RelayActuator(config.Actuators[0], new FakeOutput()), new PwmActuator(config.Actuators[1], new FakeOutput()) };
        var device = new EdgeDevice(config, "1.2.3", new ISensor[] { new DhtSensor("dht22", new FakeDht(), SensorKind.Dht22) }, actuators);
        var link = new RecordingLink();
        device.ApplySafeStates();
        if (battery)
        {
            device.Wake(false, 1767225600);
        }

        device.Attach(link);
        ((IMqttSessionHandler)device).OnConnected(false);
        device.Tick(0);
        Published[] documents = link.Messages.Where(m => m.Topic.EndsWith("/config", System.StringComparison.Ordinal)).ToArray();
        Assert.All(documents, d => Assert.True(d.Retain && d.Qos == MqttQos.AtLeastOnce, d.Topic));
        return documents;
    }

    [Theory]
    [InlineData(SensorTopic, ",\"expire_after\":680")] // 600 s interval + 20 s awake limit + 60 s for the RTC's drift
    [InlineData("homeassistant/switch/dev1/relay1/config", "")]
    [InlineData("homeassistant/number/dev1/led/config", "")]
    public void Each_document_is_the_mains_one_with_asleep_available_qos_1_and_sensors_expiring(string topic, string expiry)
    {
        string mains = Documents(battery: false).Single(d => d.Topic == topic).Payload;
        int at = mains.IndexOf(",\"payload_available\"", System.StringComparison.Ordinal);
        string expected = mains[..at] + ",\"availability_template\":\"" + Template + "\",\"qos\":1" + expiry + mains[at..];
        Assert.Equal(expected, Documents(battery: true).Single(d => d.Topic == topic).Payload);
    }

    [Fact]
    public void Every_document_is_json_whose_availability_maps_asleep_and_only_sensors_expire()
    {
        Published[] documents = Documents(battery: true);
        Assert.Equal(4, documents.Length);
        foreach (Published document in documents)
        {
            JsonElement json = document.Json;
            Assert.Equal("edgesensor/dev1/status", json.GetProperty("availability_topic").GetString());
            Assert.Equal(Template, json.GetProperty("availability_template").GetString());
            Assert.Equal("online", json.GetProperty("payload_available").GetString());
            Assert.Equal("offline", json.GetProperty("payload_not_available").GetString());
            Assert.Equal(1, json.GetProperty("qos").GetInt32());
            Assert.Equal(document.Topic.Contains("/sensor/"), json.TryGetProperty("expire_after", out _));
        }
    }

    [Fact]
    public void A_battery_board_offers_no_telemetry_interval_entity_since_it_takes_no_remote_settings()
    {
        const string Interval = "homeassistant/number/dev1/telemetry_interval/config";
        Assert.Contains(Documents(battery: false), d => d.Topic == Interval);
        Assert.DoesNotContain(Documents(battery: true), d => d.Topic == Interval);
        Assert.Equal(Documents(battery: false).Length - 1, Documents(battery: true).Length);
    }

    [Fact]
    public void A_battery_board_subscribes_to_its_commands_but_not_to_desired_settings()
    {
        var config = new DeviceConfig { Id = "dev1", Battery = true };
        var device = new EdgeDevice(config, "1.2.3", new ISensor[0], new Actuator[0]);
        var link = new RecordingLink();
        device.Wake(false, 1767225600);
        device.Attach(link);
        Assert.Equal(new[] { "edgesensor/dev1/cmd/+" }, link.Subscriptions);
        config.Battery = false;
        var mains = new RecordingLink();
        new EdgeDevice(config, "1.2.3", new ISensor[0], new Actuator[0]).Attach(mains);
        Assert.Equal(new[] { "edgesensor/dev1/cmd/+", "edgesensor/dev1/settings/desired" }, mains.Subscriptions);
    }

    [Fact]
    public void Mains_documents_have_none_of_it()
    {
        Assert.All(Documents(battery: false), d => Assert.DoesNotContain("availability_template", d.Payload));
        Assert.All(Documents(battery: false), d => Assert.DoesNotContain("expire_after", d.Payload));
        Assert.All(Documents(battery: false), d => Assert.DoesNotContain("\"qos\"", d.Payload));
    }

    [Theory]
    [InlineData(600, 20, 680)]
    [InlineData(3600, 30, 3990)]
    [InlineData(5, 1, 6)] // a tenth of 5 s is 0 whole seconds
    [InlineData(86400, 3600, 98640)]
    public void A_reading_expires_an_interval_the_awake_limit_and_a_tenth_of_the_interval_after_it_came(int interval, int awake, int expireAfter)
    {
        Published sensor = Documents(battery: true, interval, awake).Single(d => d.Topic == SensorTopic);
        Assert.Equal(expireAfter, sensor.Json.GetProperty("expire_after").GetInt32());
    }

    [Fact]
    public void The_longest_id_still_fits_the_document_buffer_of_a_one_sensor_board()
    {
        const string id = "abcdefghijklmnopqrstuvwxyz-01234";
        Published[] documents = Documents(battery: true, 86400, 3600, id);
        Assert.Equal(4, documents.Length);
        Assert.Equal(98640, documents[0].Json.GetProperty("expire_after").GetInt32());
    }
}
