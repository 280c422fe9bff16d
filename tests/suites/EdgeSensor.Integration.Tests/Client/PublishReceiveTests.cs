using System.Linq;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>QoS 0, 1 and 2 flows between EdgeSensor clients through a real mosquitto, over plain TCP.</summary>
public sealed class PublishReceiveTests
{
    const int StreamLength = 50;

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public void A_client_receives_its_own_publish_at_each_qos(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        using var client = TestClient.Connected(broker, "self");
        string topic = TestTopics.Unique("self");
        int subscription = client.Subscribe(topic, qos);

        client.Publish(topic, "hello " + qos, qos);

        ReceivedMessage message = client.Handler.WaitForMessage(topic);
        Assert.Equal("hello " + qos, message.Text);
        Assert.Equal(qos, message.Qos);
        Assert.False(message.Retain); // [MQTT-3.3.1-9] a live subscription's copy is not flagged retained
        Assert.Equal(subscription, message.SubscriptionIndex);
        if (qos != MqttQos.AtMostOnce)
        {
            client.WaitForCompletedPublishes(1);
        }
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public void Separate_clients_exchange_a_stream_in_order_at_each_qos_MQTT_4_6_0_6(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        // mosquitto 2.0.11 does not keep its QoS 2 window (max_inflight_messages): a burst can leave more messages
        // awaiting PUBREL than any fixed MaxPendingReleases below the burst's length, which closes the connection.
        // This test is about ordered delivery, so the subscriber can hold the whole stream.
        using var subscriber = TestClient.Connected(broker, "subscriber", o => o.Session.MaxPendingReleases = StreamLength);
        using var publisher = TestClient.Connected(broker, "publisher");
        string topic = TestTopics.Unique("stream");
        subscriber.Subscribe(topic, qos);

        for (int i = 0; i < StreamLength; i++)
        {
            publisher.Publish(topic, "message " + i, qos);
        }

        var received = subscriber.Handler.WaitForMessages(topic, StreamLength);
        Assert.Equal(Enumerable.Range(0, StreamLength).Select(i => "message " + i), received.Select(m => m.Text));
        Assert.All(received, m => Assert.Equal(qos, m.Qos));
        Assert.All(received, m => Assert.False(m.Dup));
        if (qos != MqttQos.AtMostOnce)
        {
            publisher.WaitForCompletedPublishes(StreamLength);
        }
    }

    [Fact]
    public void Delivery_qos_is_the_lower_of_the_publish_and_the_subscription_qos_MQTT_3_8_4_6()
    {
        using var broker = PrivateBroker.StartNew();
        using var subscriber = TestClient.Connected(broker, "subscriber");
        using var publisher = TestClient.Connected(broker, "publisher");
        string topic = TestTopics.Unique("downgrade");
        subscriber.Subscribe(topic, MqttQos.AtLeastOnce);

        publisher.Publish(topic, "sent at qos 2", MqttQos.ExactlyOnce);

        Assert.Equal(MqttQos.AtLeastOnce, subscriber.Handler.WaitForMessage(topic).Qos);
    }

    [Fact]
    public void A_payload_larger_than_the_receive_buffer_arrives_whole_in_chunks()
    {
        using var broker = PrivateBroker.StartNew();
        using var subscriber = TestClient.Connected(broker, "subscriber", o => o.Session.ReceiveBufferSize = 256);
        using var publisher = TestClient.Connected(broker, "publisher", o => o.Session.SendBufferSize = 8192);
        string topic = TestTopics.Unique("large");
        subscriber.Subscribe(topic, MqttQos.AtLeastOnce);
        string payload = string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString("D4")));

        publisher.Publish(topic, payload, MqttQos.AtMostOnce);

        Assert.Equal(payload, subscriber.Handler.WaitForMessage(topic).Text);
    }
}
