using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Integration.Tests.Reliability;
using Xunit;

namespace EdgeSensor.Integration.Tests.Device;

/// <summary>
/// Desired and reported settings (docs/device-topics.md) end to end: the device on the simulated board, a private
/// mosquitto, and paho-mqtt as the operator who publishes the retained desired document and reads the reported one.
/// </summary>
public sealed class SettingsTests : IDisposable
{
    readonly PrivateBroker broker;
    readonly DeviceConfig config;
    readonly DeviceObserver observer;
    SimulatedDevice device;

    public SettingsTests() : this(null)
    {
    }

    SettingsTests(PrivateBrokerOptions options)
    {
        broker = PrivateBroker.StartNew(options);
        config = SampleDevice.Config(broker.Port); // telemetry every second
        device = SimulatedDevice.OverTcp(config, drift: false);
        observer = new DeviceObserver(broker.Host, broker.Port, "edgesensor/" + config.Id);
    }

    static byte[] Json(string singleQuoted) => Encoding.UTF8.GetBytes(singleQuoted.Replace('\'', '"'));

    JsonElement Reported(int version) => observer.NextJson("settings/reported", r => r.GetProperty("version").GetInt32() == version);

    JsonElement Event(string name) => observer.NextJson("event", e => e.GetProperty("event").GetString() == name);

    [Fact]
    public void A_document_published_while_the_device_was_offline_is_applied_when_it_connects()
    {
        observer.Desire(Json("{'version':3,'telemetry':{'interval_s':2},'sensors':[{'name':'sht31','enabled':false}]}"));
        device.Start();
        observer.NextJson("info", i => i.GetProperty("telemetry_s").GetInt32() == 2); // info goes out again, then the reported settings
        JsonElement reported = Reported(3);
        Assert.Equal(2, reported.GetProperty("telemetry").GetProperty("interval_s").GetInt32());
        JsonElement telemetry = observer.NextJson("telemetry");
        Assert.False(telemetry.GetProperty("sensors").TryGetProperty("sht31", out _), "sht31 is turned off");
        Assert.True(telemetry.GetProperty("sensors").TryGetProperty("bme280", out _));

        // The reported document is retained: a late operator sees what the device runs with.
        using var late = new DeviceObserver(broker.Host, broker.Port, observer.Base);
        var kept = late.Next("settings/reported");
        Assert.True(kept.Retain);
        Assert.Equal(3, JsonDocument.Parse(kept.Payload).RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void An_invalid_document_is_refused_with_an_event_naming_the_field_and_nothing_is_applied()
    {
        device.Start();
        Reported(0);
        observer.Desire(Json("{'version':2,'telemetry':{'interval_s':5},'broker':{'host':'evil.example'}}"));
        JsonElement refused = Event("settings_refused");
        Assert.Equal("broker", refused.GetProperty("field").GetString());
        Assert.StartsWith("not a remote setting", refused.GetProperty("problem").GetString());
        Assert.Equal(0, device.Device.SettingsVersion);
        Assert.DoesNotContain(observer.Seen, m => m.Topic.EndsWith("/settings/reported") && m.Text.Contains("\"version\":2"));

        // Still listening: a valid document after it is applied.
        observer.Desire(Json("{'version':2,'telemetry':{'interval_s':5}}"));
        Reported(2);
    }

    [Fact]
    public void An_older_or_equal_version_is_ignored_and_says_so()
    {
        device.Start();
        observer.Desire(Json("{'version':5,'telemetry':{'interval_s':2}}"));
        Reported(5);
        observer.Desire(Json("{'version':4,'telemetry':{'interval_s':3}}"));
        JsonElement ignored = Event("settings_ignored");
        Assert.Equal((4, 5), (ignored.GetProperty("version").GetInt32(), ignored.GetProperty("applied").GetInt32()));
        observer.Desire(Json("{'version':5,'telemetry':{'interval_s':3}}"));
        Assert.Equal(5, Event("settings_ignored").GetProperty("version").GetInt32());
        Assert.Equal(5, device.Device.SettingsVersion);
    }

    [Fact]
    public void Removing_the_retained_document_restores_the_compiled_in_settings()
    {
        device.Start();
        observer.Desire(Json("{'version':5,'telemetry':{'interval_s':4}}"));
        Reported(5);
        observer.Desire(Array.Empty<byte>());
        JsonElement reported = Reported(0);
        Assert.Equal(1, reported.GetProperty("telemetry").GetProperty("interval_s").GetInt32());
        Assert.Equal(0, device.Device.SettingsVersion);
    }

    /// <summary>The cadence is read from the device's own clock in telemetry (<c>uptime_s</c>), so a slow test machine cannot blur it.</summary>
    [Fact]
    public void A_new_interval_changes_the_telemetry_cadence()
    {
        device.Start();
        Reported(0);
        Assert.Equal(1, UptimeStep());
        observer.Desire(Json("{'version':1,'telemetry':{'interval_s':3}}"));
        Reported(1);
        observer.NextJson("telemetry");
        Assert.Equal(3, UptimeStep());
    }

    int UptimeStep()
    {
        long first = observer.NextJson("telemetry").GetProperty("uptime_s").GetInt64();
        return (int)(observer.NextJson("telemetry").GetProperty("uptime_s").GetInt64() - first);
    }

    [Fact]
    public void Hostile_documents_through_the_broker_are_refused_by_name()
    {
        device.Start();
        Reported(0);
        observer.Desire(Encoding.UTF8.GetBytes("{\"version\":1," + new string(' ', 60_000) + "}"));
        JsonElement huge = Event("settings_refused");
        Assert.Equal(("(document)", "expected at most 2048 bytes, got 60014"), (huge.GetProperty("field").GetString(), huge.GetProperty("problem").GetString()));
        observer.Desire(Json("{'version':1,'actuators':[{'name':'relay1','display_name':'a\\u0000'}]}"));
        Assert.Equal("actuators[0].display_name", Event("settings_refused").GetProperty("field").GetString());
        observer.Desire(Json("{'version':1,'telemetry':" + new string('[', 40) + new string(']', 40) + "}"));
        Assert.Equal("telemetry", Event("settings_refused").GetProperty("field").GetString());
        Assert.True(device.Client.IsConnected);
        Assert.Equal(0, device.Device.SettingsVersion);
    }

    public void Dispose()
    {
        device.Stop();
        observer.Dispose();
        broker.Dispose();
    }

    /// <summary>The retained document is the only copy of the settings: with persistence, it outlives a broker restart.</summary>
    public sealed class WithPersistence : IDisposable
    {
        readonly SettingsTests test = new(TestBrokers.PersistingOnEveryChange());

        [Fact]
        public void Settings_survive_a_broker_restart_and_a_device_reboot()
        {
            test.device.Start();
            test.observer.Desire(Json("{'version':7,'telemetry':{'interval_s':2}}"));
            test.Reported(7);
            test.broker.Stop();
            Assert.True(SpinWait.SpinUntil(() => !test.device.Client.IsConnected, RecordingHandler.Deadline), "the device notices");
            test.broker.Start();

            // The same board reconnects and keeps its settings; the broker still holds the retained documents.
            Assert.True(SpinWait.SpinUntil(() => test.device.Client.IsConnected, RecordingHandler.Deadline), "the device reconnects");
            using (var afterRestart = new DeviceObserver(test.broker.Host, test.broker.Port, test.observer.Base))
            {
                Assert.Equal(7, afterRestart.NextJson("settings/reported").GetProperty("version").GetInt32());
                Assert.Equal(7, test.device.Device.SettingsVersion);
            }

            // Then it reboots with its compiled-in settings (version 0) and takes the retained document again.
            test.device.Stop();
            test.device = SimulatedDevice.OverTcp(test.config, drift: false);
            using var afterReboot = new DeviceObserver(test.broker.Host, test.broker.Port, test.observer.Base);
            test.device.Start();
            afterReboot.Next("settings/reported", m => !m.Retain && m.Text.Contains("\"version\":0,"));
            afterReboot.Next("settings/reported", m => !m.Retain && m.Text.Contains("\"version\":7,"));
            Assert.Equal(7, test.device.Device.SettingsVersion);
        }

        public void Dispose() => test.Dispose();
    }
}
