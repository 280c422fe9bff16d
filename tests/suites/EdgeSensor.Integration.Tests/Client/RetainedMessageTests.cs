using System.Linq;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

public sealed class RetainedMessageTests
{
    [Fact]
    public void A_new_subscription_receives_the_retained_message_flagged_retained_MQTT_3_3_1_6_and_8()
    {
        using var broker = PrivateBroker.StartNew();
        using var publisher = TestClient.Connected(broker, "publisher");
        string topic = TestTopics.Unique("status");
        publisher.Publish(topic, "online", MqttQos.AtLeastOnce, retain: true);
        publisher.WaitForCompletedPublishes(1);

        using var subscriber = TestClient.Connected(broker, "subscriber");
        subscriber.Subscribe(topic, MqttQos.AtLeastOnce);

        ReceivedMessage message = subscriber.Handler.WaitForMessage(topic);
        Assert.Equal("online", message.Text);
        Assert.True(message.Retain);
    }

    [Fact]
    public void An_empty_retained_publish_clears_the_retained_message_MQTT_3_3_1_10_and_11()
    {
        using var broker = PrivateBroker.StartNew();
        using var publisher = TestClient.Connected(broker, "publisher");
        string root = TestTopics.Unique("device");
        string status = root + "/status";
        string marker = root + "/marker";
        publisher.Publish(status, "online", MqttQos.AtLeastOnce, retain: true);
        publisher.WaitForCompletedPublishes(1);
        using (var before = TestClient.Connected(broker, "before"))
        {
            before.Subscribe(status, MqttQos.AtLeastOnce);
            Assert.True(before.Handler.WaitForMessage(status).Retain, "the retained message should be there before it is cleared");
        }

        publisher.Publish(status, "", MqttQos.AtLeastOnce, retain: true);
        publisher.WaitForCompletedPublishes(2);

        using var after = TestClient.Connected(broker, "after");
        after.Subscribe(root + "/#", MqttQos.AtLeastOnce);
        // The broker queues retained messages when it handles SUBSCRIBE; a message this client publishes after
        // its SUBACK comes later, so once the marker is in, any retained message would have been delivered first.
        after.Publish(marker, "marker", MqttQos.AtLeastOnce);
        after.Handler.WaitForMessage(marker);
        Assert.Equal(new[] { marker }, after.Handler.Messages.Select(m => m.Topic));
    }
}
