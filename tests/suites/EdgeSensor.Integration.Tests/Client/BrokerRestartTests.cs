using System.Diagnostics;
using System.Linq;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;
using Xunit.Abstractions;

namespace EdgeSensor.Integration.Tests.Client;

public sealed class BrokerRestartTests
{
    const int StreamLength = 2000;
    const int FreezeAt = 700;
    const int KillAt = 720;
    const int RestartAt = 740;
    static readonly int DeadlineMs = (int)RecordingHandler.Deadline.TotalMilliseconds;

    readonly ITestOutputHelper output;

    public BrokerRestartTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// The broker crashes (SIGKILL) while the publisher has QoS 1 messages in flight, more are published while it
    /// is down, and it comes back from its persistence: the publisher reconnects by itself and sends again what was
    /// not acknowledged, the subscriber's persistent session resumes, and every message arrives, some twice.
    /// </summary>
    /// <remarks>
    /// mosquitto acknowledges a PUBLISH before it saves it, so a crash in the middle of its work can lose a message
    /// it has acknowledged: a broker property no client can make up for. The broker is therefore frozen (SIGSTOP)
    /// once it has delivered and saved everything acknowledged so far, and the messages published after that wait
    /// unread in its socket until the kill: in flight for the client, unknown to the broker.
    /// </remarks>
    [Fact]
    public void A_qos1_stream_survives_a_broker_kill_and_restart_without_loss()
    {
        using var broker = PrivateBroker.StartNew(TestBrokers.PersistingOnEveryChange());
        string topic = TestTopics.Unique("stream");
        using var subscriber = TestClient.Connected(broker, "subscriber", o => o.Connect.CleanSession = false);
        subscriber.Subscribe(topic, MqttQos.AtLeastOnce);
        using var publisher = TestClient.Connected(broker, "publisher");
        var elapsed = Stopwatch.StartNew();
        int inFlightAtKill = 0;

        for (int i = 0; i < StreamLength; i++)
        {
            if (i == FreezeAt)
            {
                publisher.WaitForCompletedPublishes(FreezeAt);
                subscriber.Handler.WaitUntil(() => Distinct(subscriber) == FreezeAt, "the subscriber to catch up");
                broker.Freeze();
            }
            else if (i == KillAt)
            {
                Assert.Equal(FreezeAt, publisher.Client.PublishesCompleted); // the frozen broker acknowledged nothing
                inFlightAtKill = publisher.Client.OutboxCount;
                broker.Kill();
            }
            else if (i == RestartAt)
            {
                broker.Start(); // the publishes since the kill wait in the outbox
            }

            byte[] payload = Encoding.ASCII.GetBytes(i.ToString());
            Assert.Equal(MqttPublishResult.Accepted, PublishWhenRoom(publisher.Client, topic, payload));
        }

        publisher.WaitForCompletedPublishes(StreamLength);
        bool complete = subscriber.Handler.TryWaitUntil(() => Distinct(subscriber) == StreamLength);

        var received = subscriber.Handler.Messages.Select(m => int.Parse(m.Text)).ToList();
        var missing = Enumerable.Range(0, StreamLength).Except(received).ToList();
        Assert.True(complete && missing.Count == 0, missing.Count + " message(s) lost: " + string.Join(" ", missing));
        Assert.Equal(KillAt - FreezeAt, inFlightAtKill);
        // Both clients really lost the broker, and the subscriber's session came back from the broker's persistence.
        Assert.NotEmpty(publisher.Handler.Disconnections);
        Assert.NotEmpty(subscriber.Handler.Disconnections);
        Assert.True(subscriber.Handler.LastSessionPresent, "the subscriber's session should have survived the kill");
        output.WriteLine("received " + received.Count + " messages, " + (received.Count - StreamLength) + " duplicate(s), in "
            + elapsed.ElapsedMilliseconds + " ms; publisher connections: " + publisher.Handler.Connections
            + ", subscriber connections: " + subscriber.Handler.Connections);
    }

    static MqttPublishResult PublishWhenRoom(MqttClient client, string topic, byte[] payload)
    {
        MqttPublishResult result;
        while ((result = client.Publish(topic, payload, 0, payload.Length, MqttQos.AtLeastOnce, false)) == MqttPublishResult.OutboxFull)
        {
            Assert.True(client.WaitForProgress(DeadlineMs), "no outbox room freed within the deadline");
        }

        return result;
    }

    static int Distinct(TestClient subscriber)
    {
        return subscriber.Handler.Messages.Select(m => m.Text).Distinct().Count();
    }
}
