using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// Records when a client connected and disconnected (and why), for tests about timing: detection delays and
/// reconnect backoff. Waits end on a recorded change; the deadline only fails a stuck test.
/// </summary>
sealed class TimelineHandler : IMqttSessionHandler
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    readonly object gate = new object();
    readonly Stopwatch clock;
    readonly List<TimedDisconnection> disconnections = new List<TimedDisconnection>();
    readonly List<long> connections = new List<long>();

    public TimelineHandler(Stopwatch clock)
    {
        this.clock = clock;
    }

    public List<TimedDisconnection> Disconnections { get { lock (gate) { return disconnections.ToList(); } } }

    public List<long> Connections { get { lock (gate) { return connections.ToList(); } } }

    public void OnConnected(bool sessionPresent) => Record(() => connections.Add(clock.ElapsedMilliseconds));

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) =>
        Record(() => disconnections.Add(new TimedDisconnection(clock.ElapsedMilliseconds, reason, returnCode)));

    public void OnMessage(MqttMessage message)
    {
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
    }

    public void OnUnsubscribed(int subscriptionIndex) { }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

    /// <summary>Waits until <paramref name="condition"/> holds on the recorded timeline; throws after <see cref="Deadline"/>.</summary>
    public void WaitUntil(Func<List<long>, List<TimedDisconnection>, bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        lock (gate)
        {
            while (!condition(connections, disconnections))
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException("Waited " + Deadline.TotalSeconds + " s for " + what + "; connections at "
                        + string.Join(", ", connections) + " ms, disconnections: " + string.Join(", ", disconnections) + ".");
                }

                Monitor.Wait(gate, left);
            }
        }
    }

    void Record(Action change)
    {
        lock (gate)
        {
            change();
            Monitor.PulseAll(gate);
        }
    }
}
