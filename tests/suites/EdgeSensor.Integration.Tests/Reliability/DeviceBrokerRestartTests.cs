using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Integration.Tests.Device;
using EdgeSensor.Mqtt;
using Xunit;
using Xunit.Abstractions;

namespace EdgeSensor.Integration.Tests.Reliability;

public sealed class DeviceBrokerRestartTests
{
    const int StreamLength = 1000;
    const int FreezeAt = 300;
    const int KillAt = 320;
    const int RestartAt = 340;
    static readonly TimeSpan Deadline = RecordingHandler.Deadline;

    readonly ITestOutputHelper output;

    public DeviceBrokerRestartTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// A device (telemetry every second, QoS 1) and a separate QoS 1 stream, while mosquitto (persistence on) is
    /// frozen, killed and started again. The device must come back by itself (status <c>online</c> again, seen by
    /// paho) and neither its telemetry (seq without gaps) nor the stream may lose a message: what was in flight is
    /// sent again after the reconnect [MQTT-4.4.0-1], and the subscriber's persistent session resumes.
    /// </summary>
    /// <remarks>
    /// mosquitto acknowledges a PUBLISH before saving it (see BrokerRestartTests), so the broker is frozen only once
    /// everything acknowledged so far has reached the subscriber; what is published after that waits unread in the
    /// frozen broker's sockets: in flight for the clients, unknown to the broker. The retained status is cleared
    /// before the freeze, so an <c>online</c> seen after the restart can only be the device's new birth message.
    /// </remarks>
    [Fact]
    public void A_device_and_a_qos1_stream_survive_a_persistent_broker_kill_and_restart()
    {
        using var broker = PrivateBroker.StartNew(TestBrokers.PersistingOnEveryChange());
        DeviceConfig config = SampleDevice.Config(broker.Port);
        string deviceBase = "edgesensor/" + config.Id;
        string stream = TestTopics.Unique("device-restart");
        using var subscriber = TestClient.Connected(broker, "restart-subscriber", o => o.Connect.CleanSession = false);
        subscriber.Subscribe(deviceBase + "/telemetry", MqttQos.AtLeastOnce);
        subscriber.Subscribe(stream, MqttQos.AtLeastOnce);
        using var publisher = TestClient.Connected(broker, "restart-publisher");
        using var device = SimulatedDevice.OverTcp(config, drift: false);
        var elapsed = Stopwatch.StartNew();
        device.Start();

        subscriber.Handler.WaitUntil(() => TelemetrySeqs(subscriber, deviceBase).Length >= 2, "two telemetry documents");
        publisher.Publish(deviceBase + "/status", Array.Empty<byte>(), MqttQos.AtLeastOnce, retain: true);
        int inFlightAtKill = 0, deviceOutboxAtKill = 0;
        long lastSeqBeforeFreeze = 0;
        long restartedAtMs = 0;

        for (int i = 0; i < StreamLength; i++)
        {
            if (i == FreezeAt)
            {
                publisher.WaitForCompletedPublishes(FreezeAt + 1); // + the cleared status
                subscriber.Handler.WaitUntil(() => StreamCount(subscriber, stream) == FreezeAt, "the subscriber to catch up");
                lastSeqBeforeFreeze = TelemetrySeqs(subscriber, deviceBase).Max();
                broker.Freeze();
                // The device's next telemetry document goes into the frozen broker's socket: in flight.
                Assert.True(SpinWait.SpinUntil(() => device.Client.OutboxCount > 0, Deadline), "the device published nothing while the broker was frozen");
            }
            else if (i == KillAt)
            {
                inFlightAtKill = publisher.Client.OutboxCount;
                deviceOutboxAtKill = device.Client.OutboxCount;
                broker.Kill();
            }
            else if (i == RestartAt)
            {
                broker.Start();
                restartedAtMs = elapsed.ElapsedMilliseconds;
            }

            publisher.Publish(stream, i.ToString(), MqttQos.AtLeastOnce);
        }

        using (var operatorView = new DeviceObserver(broker.Host, broker.Port, deviceBase))
        {
            Assert.Equal("online", operatorView.Next("status", m => m.Payload.Length > 0).Text);
        }

        long backOnlineMs = elapsed.ElapsedMilliseconds - restartedAtMs;
        publisher.WaitForCompletedPublishes(StreamLength + 1);
        bool streamComplete = subscriber.Handler.TryWaitUntil(() => StreamCount(subscriber, stream) == StreamLength);
        subscriber.Handler.WaitUntil(() => TelemetrySeqs(subscriber, deviceBase).Max() >= lastSeqBeforeFreeze + 4, "telemetry after the restart");

        var received = subscriber.Handler.Messages.Where(m => m.Topic == stream).Select(m => int.Parse(m.Text)).ToList();
        var missing = Enumerable.Range(0, StreamLength).Except(received).ToList();
        long[] seqs = TelemetrySeqs(subscriber, deviceBase).Distinct().OrderBy(s => s).ToArray();
        var gaps = seqs.Zip(seqs.Skip(1), (x, y) => (x, y)).Where(p => p.y != p.x + 1).ToList();
        output.WriteLine("stream: " + received.Count + " received, " + missing.Count + " lost, " + (received.Count - received.Distinct().Count())
            + " duplicate(s); in flight at the kill: stream " + inFlightAtKill + ", device " + deviceOutboxAtKill);
        output.WriteLine("telemetry seq " + seqs[0] + ".." + seqs[^1] + " (" + seqs.Length + " documents), gaps: " + gaps.Count
            + ", handed to MQTT by the device: " + device.Device.TelemetryPublished + "; device online again " + backOnlineMs + " ms after the restart");

        Assert.True(streamComplete && missing.Count == 0, missing.Count + " stream message(s) lost: " + string.Join(" ", missing));
        Assert.True(gaps.Count == 0, "telemetry gaps: " + string.Join(", ", gaps));
        // A document the device could not hand over leaves its seq unused: every seq up to the last one seen went out.
        Assert.True(device.Device.TelemetryPublished >= seqs[^1], "the device dropped telemetry: " + device.Device.TelemetryPublished + " handed over, last seq " + seqs[^1]);
        Assert.True(deviceOutboxAtKill > 0 && inFlightAtKill > 0, "nothing was in flight at the kill: the test proved nothing");
        Assert.True(subscriber.Handler.LastSessionPresent, "the subscriber's session should have survived the kill");
    }

    static long[] TelemetrySeqs(TestClient subscriber, string deviceBase)
    {
        return subscriber.Handler.Messages.Where(m => m.Topic == deviceBase + "/telemetry")
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("seq").GetInt64()).ToArray();
    }

    static int StreamCount(TestClient subscriber, string stream)
    {
        return subscriber.Handler.Messages.Where(m => m.Topic == stream).Select(m => m.Text).Distinct().Count();
    }
}
