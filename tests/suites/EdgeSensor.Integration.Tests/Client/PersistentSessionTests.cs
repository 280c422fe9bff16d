using System.Linq;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

public sealed class PersistentSessionTests
{
    const int Queued = 100;

    [Fact]
    public void Qos1_messages_for_an_offline_persistent_subscriber_are_delivered_when_it_returns_MQTT_3_1_2_5()
    {
        using var broker = PrivateBroker.StartNew();
        string clientId = TestTopics.UniqueClientId("sleeper");
        string topic = TestTopics.Unique("queued");
        using (var first = TestClient.Connected(broker, "sleeper", o => Persistent(o, clientId)))
        {
            Assert.False(first.Handler.LastSessionPresent);
            first.Subscribe(topic, MqttQos.AtLeastOnce);
        }

        using (var publisher = TestClient.Connected(broker, "publisher"))
        {
            for (int i = 0; i < Queued; i++)
            {
                publisher.Publish(topic, "queued " + i, MqttQos.AtLeastOnce);
            }

            publisher.WaitForCompletedPublishes(Queued);
        }

        using var back = TestClient.Connected(broker, "sleeper", o => Persistent(o, clientId));
        Assert.True(back.Handler.LastSessionPresent); // [MQTT-3.2.2-2]
        var received = back.Handler.WaitForMessages(topic, Queued);
        Assert.Equal(Enumerable.Range(0, Queued).Select(i => "queued " + i), received.Select(m => m.Text));
        Assert.All(received, m => Assert.Equal(-1, m.SubscriptionIndex)); // subscribed by the earlier client object, not this one
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_client_started_again_after_Stop_or_Abort_resumes_its_persistent_session_with_the_same_subscription_indexes(bool abort)
    {
        using var broker = PrivateBroker.StartNew();
        string topic = TestTopics.Unique("resumed");
        using var sleeper = TestClient.Connected(broker, "sleeper", o => o.Connect.CleanSession = false);
        sleeper.Subscribe(TestTopics.Unique("unused"), MqttQos.AtMostOnce);
        int index = sleeper.Subscribe(topic, MqttQos.AtLeastOnce);
        Assert.Equal(1, index);
        Assert.True(abort ? sleeper.Client.Abort(DeadlineMs) : sleeper.Client.Stop(DeadlineMs), "the I/O thread ended");
        Assert.False(sleeper.Client.IsRunning);

        using var publisher = TestClient.Connected(broker, "publisher");
        for (int i = 0; i < Queued; i++)
        {
            publisher.Publish(topic, "queued " + i, MqttQos.AtLeastOnce);
        }

        publisher.WaitForCompletedPublishes(Queued);

        sleeper.Client.Start();
        sleeper.Handler.WaitUntil(() => sleeper.Handler.Connections == 2, "the second connection");
        Assert.True(sleeper.Handler.LastSessionPresent); // [MQTT-3.2.2-2]
        publisher.Publish(topic, "live", MqttQos.AtLeastOnce);
        var received = sleeper.Handler.WaitForMessages(topic, Queued + 1);
        Assert.Equal(Enumerable.Range(0, Queued).Select(i => "queued " + i).Append("live"), received.Select(m => m.Text));
        Assert.All(received, m => Assert.Equal(index, m.SubscriptionIndex));
        Assert.Equal((int)MqttQos.AtLeastOnce, sleeper.Client.SubscriptionResult(index)); // kept from the first SUBACK: nothing was asked again
    }

    static readonly int DeadlineMs = (int)RecordingHandler.Deadline.TotalMilliseconds;

    static void Persistent(MqttClientOptions options, string clientId)
    {
        options.Connect.ClientId = clientId;
        options.Connect.CleanSession = false;
    }
}
