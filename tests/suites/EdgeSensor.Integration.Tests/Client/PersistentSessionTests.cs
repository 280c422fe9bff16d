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

    static void Persistent(MqttClientOptions options, string clientId)
    {
        options.Connect.ClientId = clientId;
        options.Connect.CleanSession = false;
    }
}
