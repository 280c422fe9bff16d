using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

public sealed class UnsubscribeTests
{
    [Fact]
    public void Unsubscribe_is_confirmed_by_the_UNSUBACK_callback_and_the_filter_receives_nothing_more_MQTT_3_10_4_2_MQTT_3_10_4_4()
    {
        using var broker = PrivateBroker.StartNew();
        string gone = TestTopics.Unique("gone");
        string marker = TestTopics.Unique("marker");
        using var subscriber = TestClient.Connected(broker, "unsubscriber");
        int index = subscriber.Subscribe(gone, MqttQos.AtLeastOnce);
        subscriber.Subscribe(marker, MqttQos.AtLeastOnce);

        Assert.True(subscriber.Client.Unsubscribe(index));
        subscriber.Handler.WaitForUnsubscribed(index);
        Assert.Equal(MqttSubscribeResult.Unsubscribed, subscriber.Client.SubscriptionResult(index));
        Assert.False(subscriber.Client.Unsubscribe(index));

        using var publisher = TestClient.Connected(broker, "publisher");
        publisher.Publish(gone, "after", MqttQos.AtLeastOnce);
        publisher.Publish(marker, "after", MqttQos.AtLeastOnce); // same publisher, same order: once this arrives, the other would have
        subscriber.Handler.WaitForMessage(marker);
        Assert.DoesNotContain(subscriber.Handler.Messages, m => m.Topic == gone);
    }
}
