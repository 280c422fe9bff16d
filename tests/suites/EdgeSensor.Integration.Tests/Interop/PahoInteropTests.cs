using System.Linq;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Interop;

/// <summary>
/// EdgeSensor and paho-mqtt, an independent implementation, through one mosquitto: what one sends the other
/// receives, at every QoS, retained or not, and paho sees the will EdgeSensor left behind.
/// </summary>
public sealed class PahoInteropTests
{
    const int Messages = 3;

    // Not text: zero bytes, 0xFF and a UTF-8 sequence must all survive the trip unchanged.
    static readonly byte[] Binary = { 0x00, 0xFF, 0x7F, 0x80, 0xE2, 0x82, 0xAC, 0x00 };

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public void Paho_receives_what_EdgeSensor_publishes(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        string topic = TestTopics.Unique("to-paho");
        using var paho = PahoScript.Subscribe(broker.Host, broker.Port, topic, (int)qos, Messages);
        Assert.Equal((int)qos, paho.WaitFor("subscribed").GetProperty("granted")[0].GetInt32());
        using var edge = TestClient.Connected(broker, "edge");

        for (int i = 0; i < Messages; i++)
        {
            edge.Publish(topic, Payload(i), qos);
        }

        var received = paho.WaitForMessages(Messages);
        Assert.Equal(Enumerable.Range(0, Messages).Select(Payload), received.Select(m => m.Payload));
        Assert.All(received, m => Assert.Equal(topic, m.Topic));
        Assert.All(received, m => Assert.Equal((int)qos, m.Qos));
        Assert.All(received, m => Assert.False(m.Retain));
        paho.WaitFor("done");
    }

    [Theory]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public void Paho_receives_100_KB_that_EdgeSensor_streamed_through_a_1_KiB_send_buffer(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        string topic = TestTopics.Unique("streamed");
        using var paho = PahoScript.Subscribe(broker.Host, broker.Port, topic, (int)qos, 1);
        paho.WaitFor("subscribed");
        using var edge = TestClient.Connected(broker, "streamer", o =>
        {
            o.Session.SendBufferSize = 1024;
            o.Session.OutboxSize = 1024;
        });
        byte[] payload = ArrayPayloadSource.Pattern(100_000);
        var source = new ArrayPayloadSource(payload);

        Assert.Equal(MqttPublishResult.Accepted, edge.Client.Publish(topic, source, payload.Length, qos, false, out int id));
        Assert.True(edge.Client.WaitForCompletion(id, (int)RecordingHandler.Deadline.TotalMilliseconds), "no PUBACK/PUBCOMP");

        PahoMessage message = paho.WaitForMessages(1)[0];
        Assert.Equal(payload, message.Payload);
        Assert.Equal((int)qos, message.Qos);
        Assert.InRange(source.LargestRead, 1, 1024);
        Assert.Equal((id, MqttPublishOutcome.Acknowledged), edge.Handler.Completions[0]);
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public void EdgeSensor_receives_what_paho_publishes(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        string topic = TestTopics.Unique("from-paho");
        using var edge = TestClient.Connected(broker, "edge");
        edge.Subscribe(topic, qos);

        using (var paho = PahoScript.Publish(broker.Host, broker.Port, topic, (int)qos, retain: false, Binary))
        {
            paho.WaitFor("published");
        }

        ReceivedMessage message = edge.Handler.WaitForMessage(topic);
        Assert.Equal(Binary, message.Payload);
        Assert.Equal(qos, message.Qos);
        Assert.False(message.Retain);
    }

    [Fact]
    public void Paho_receives_a_message_EdgeSensor_retained_with_the_retain_flag()
    {
        using var broker = PrivateBroker.StartNew();
        string topic = TestTopics.Unique("retained-by-edge");
        using (var edge = TestClient.Connected(broker, "edge"))
        {
            edge.Publish(topic, Binary, MqttQos.AtLeastOnce, retain: true);
            edge.WaitForCompletedPublishes(1);
        }

        using var paho = PahoScript.Subscribe(broker.Host, broker.Port, topic, 1, 1);

        PahoMessage message = paho.WaitForMessages(1)[0];
        Assert.Equal(Binary, message.Payload);
        Assert.True(message.Retain);
    }

    [Fact]
    public void EdgeSensor_receives_a_message_paho_retained_with_the_retain_flag()
    {
        using var broker = PrivateBroker.StartNew();
        string topic = TestTopics.Unique("retained-by-paho");
        using (var paho = PahoScript.Publish(broker.Host, broker.Port, topic, 1, retain: true, Binary))
        {
            paho.WaitFor("published");
        }

        using var edge = TestClient.Connected(broker, "edge");
        edge.Subscribe(topic, MqttQos.AtLeastOnce);

        ReceivedMessage message = edge.Handler.WaitForMessage(topic);
        Assert.Equal(Binary, message.Payload);
        Assert.True(message.Retain);
    }

    [Fact]
    public void Paho_receives_the_will_EdgeSensor_set_when_its_socket_drops()
    {
        using var broker = PrivateBroker.StartNew();
        string willTopic = TestTopics.Unique("device/status");
        using var paho = PahoScript.Subscribe(broker.Host, broker.Port, willTopic, 1, 1);
        paho.WaitFor("subscribed");
        using var edge = TestClient.Connected(broker, "edge", o =>
        {
            o.Connect.WillTopic = willTopic;
            o.Connect.WillPayload = Encoding.UTF8.GetBytes("offline");
            o.Connect.WillQos = MqttQos.AtLeastOnce;
        });

        edge.Transport.Close();

        PahoMessage will = paho.WaitForMessages(1)[0];
        Assert.Equal("offline", will.Text);
        Assert.Equal(1, will.Qos);
    }

    static byte[] Payload(int index)
    {
        return Binary.Append((byte)index).ToArray();
    }
}
