using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// An operator's view of a whole fleet through one separate MQTT client: every device's last status (and whether
/// it came retained) and how much telemetry each sent. Waits end when a message changes what they look at.
/// </summary>
public sealed class FleetObserver : IMqttSessionHandler, IDisposable
{
    readonly object gate = new object();
    readonly Dictionary<string, StatusSeen> statuses = new Dictionary<string, StatusSeen>(StringComparer.Ordinal);
    readonly Dictionary<string, long> telemetry = new Dictionary<string, long>(StringComparer.Ordinal);
    readonly MqttClient client;
    readonly string statusFilter;
    readonly string telemetryFilter;
    int subscriptionsGranted;
    long telemetryReceived;

    /// <param name="watchTelemetry">Also count telemetry (QoS 0 delivery); false watches statuses only.</param>
    public FleetObserver(string host, int port, string prefix, bool watchTelemetry = true)
    {
        statusFilter = prefix + "/+/status";
        telemetryFilter = watchTelemetry ? prefix + "/+/telemetry" : null;
        var options = new MqttClientOptions { InitialReconnectDelayMs = 100, MaxReconnectDelayMs = 1000, MaxReadWaitMs = 200 };
        options.Connect.ClientId = "fleet-observer-" + Guid.NewGuid().ToString("N").Substring(0, 12);
        options.Connect.KeepAliveSeconds = 30;
        options.Session.ReceiveBufferSize = 8192;
        client = new MqttClient(new TcpTransport(host, port), new SystemClock(), options, this);
    }

    public long TelemetryReceived => Interlocked.Read(ref telemetryReceived);

    /// <summary>Connects and subscribes; returns once the broker granted every subscription.</summary>
    public void Start(TimeSpan timeout)
    {
        client.Subscribe(statusFilter, MqttQos.AtLeastOnce);
        if (telemetryFilter != null) client.Subscribe(telemetryFilter, MqttQos.AtMostOnce);
        client.Start();
        int wanted = telemetryFilter == null ? 1 : 2;
        if (!WaitUntil(() => subscriptionsGranted >= wanted, timeout))
        {
            throw new TimeoutException("The fleet observer was not subscribed within " + timeout + "; last error " + client.LastError + " " + client.LastTransportError);
        }
    }

    /// <summary>The last status payload of <paramref name="id"/>, or null when none was seen.</summary>
    public string StatusOf(string id)
    {
        lock (gate) return statuses.TryGetValue(id, out StatusSeen seen) ? seen.Payload : null;
    }

    /// <summary>Whether the last status of <paramref name="id"/> was delivered as a retained message.</summary>
    public bool StatusWasRetained(string id)
    {
        lock (gate) return statuses.TryGetValue(id, out StatusSeen seen) && seen.Retained;
    }

    /// <summary>How many of <paramref name="ids"/> last said <paramref name="status"/>.</summary>
    public int CountWithStatus(IEnumerable<string> ids, string status)
    {
        lock (gate) return ids.Count(id => statuses.TryGetValue(id, out StatusSeen seen) && seen.Payload == status);
    }

    /// <summary>How many of <paramref name="ids"/> sent telemetry at least once.</summary>
    public int CountWithTelemetry(IEnumerable<string> ids)
    {
        lock (gate) return ids.Count(telemetry.ContainsKey);
    }

    /// <summary>Waits until <paramref name="condition"/> (evaluated under the observer's lock) holds; false on timeout.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (gate)
        {
            while (!condition())
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0) return false;
                Monitor.Wait(gate, (int)Math.Min(left, int.MaxValue));
            }

            return true;
        }
    }

    public void Dispose()
    {
        client.Stop(5000);
    }

    void IMqttSessionHandler.OnConnected(bool sessionPresent)
    {
    }

    void IMqttSessionHandler.OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
    }

    void IMqttSessionHandler.OnMessage(MqttMessage message)
    {
        if (!message.IsFirstChunk) return;
        string topic = Encoding.UTF8.GetString(message.Buffer, message.TopicOffset, message.TopicLength);
        string[] levels = topic.Split('/');
        if (levels.Length != 3) return;
        string id = levels[1];
        lock (gate)
        {
            if (levels[2] == "status")
            {
                string payload = message.IsLastChunk ? Encoding.UTF8.GetString(message.Buffer, message.PayloadOffset, message.PayloadCount) : "(too long)";
                statuses[id] = new StatusSeen(payload, message.Retain);
            }
            else if (levels[2] == "telemetry")
            {
                telemetry[id] = telemetry.GetValueOrDefault(id) + 1;
                Interlocked.Increment(ref telemetryReceived);
            }

            Monitor.PulseAll(gate);
        }
    }

    void IMqttSessionHandler.OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        lock (gate)
        {
            if (returnCode != MqttSubscribeResult.Failure) subscriptionsGranted++;
            Monitor.PulseAll(gate);
        }
    }

    void IMqttSessionHandler.OnUnsubscribed(int subscriptionIndex) { }

    void IMqttSessionHandler.OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

    sealed record StatusSeen(string Payload, bool Retained);
}
