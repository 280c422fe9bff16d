using System.Linq;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

public sealed class WillTests
{
    [Fact]
    public void The_will_is_published_when_the_connection_drops_without_DISCONNECT_MQTT_3_1_2_8()
    {
        using var broker = PrivateBroker.StartNew();
        string willTopic = TestTopics.Unique("device/status");
        using var observer = TestClient.Connected(broker, "observer");
        observer.Subscribe(willTopic, MqttQos.AtLeastOnce);
        using var device = TestClient.Connected(broker, "device", o => WithWill(o, willTopic));

        device.Transport.Close(); // the socket just goes away, as when a device loses power

        ReceivedMessage will = observer.Handler.WaitForMessage(willTopic);
        Assert.Equal("offline", will.Text);
        Assert.Equal(MqttQos.AtLeastOnce, will.Qos);
        Assert.Equal(MqttError.TransportClosed, device.Handler.WaitForDisconnection().Reason);
    }

    [Fact]
    public void The_will_is_discarded_after_a_graceful_Stop_MQTT_3_1_2_10()
    {
        using var broker = PrivateBroker.StartNew();
        string willTopic = TestTopics.Unique("device/status");
        using var observer = TestClient.Connected(broker, "observer");
        observer.Subscribe(willTopic, MqttQos.AtLeastOnce);
        using var device = TestClient.Connected(broker, "device", o => WithWill(o, willTopic));

        device.Dispose(); // Stop: DISCONNECT, then close (the using's second Stop does nothing)

        // The broker handled the device's DISCONNECT and close before this new client's CONNECT and PUBLISH, so a
        // will, had it been published, would reach the observer before the marker.
        using (var other = TestClient.Connected(broker, "marker"))
        {
            other.Publish(willTopic, "marker", MqttQos.AtLeastOnce);
            observer.Handler.WaitForMessage(willTopic);
        }

        Assert.Equal(new[] { "marker" }, observer.Handler.Messages.Select(m => m.Text));
        Assert.Equal(MqttError.ClosedByClient, device.Handler.WaitForDisconnection().Reason);
    }

    /// <summary>
    /// A burst right before Stop: the socket must close behind the last PUBLISH and the DISCONNECT. An abortive
    /// close (a reset) made the broker drop what it had not read yet, and then publish the will.
    /// </summary>
    [Fact]
    public void Stop_RightAfterABurst_DeliversEveryMessageAndTheDisconnect()
    {
        const int Burst = 20000;
        var brokerOptions = new PrivateBrokerOptions();
        brokerOptions.ExtraConfigLines.Add("max_queued_messages 0"); // QoS 0 to a slow subscriber is otherwise dropped past 1,000
        using var broker = PrivateBroker.StartNew(brokerOptions);
        string topic = TestTopics.Unique("burst");
        string willTopic = TestTopics.Unique("device/status");
        using var observer = TestClient.Connected(broker, "observer", o => o.Session.ReceiveBufferSize = 64 * 1024);
        observer.Subscribe(topic, MqttQos.AtMostOnce);
        observer.Subscribe(willTopic, MqttQos.AtLeastOnce);
        using var device = TestClient.Connected(broker, "device", o => { WithWill(o, willTopic); o.Session.SendBufferSize = 16 * 1024; });

        var payload = new byte[16];
        for (int i = 0; i < Burst; i++) device.Publish(topic, payload, MqttQos.AtMostOnce);
        device.Dispose();

        // The broker reads each connection when it is ready, so this waits for the burst itself; a reset lost its tail.
        observer.Handler.WaitUntil(() => observer.Handler.Messages.Count(m => m.Topic == topic) == Burst, Burst + " messages of the burst");
        using (var other = TestClient.Connected(broker, "marker"))
        {
            other.Publish(willTopic, "marker", MqttQos.AtLeastOnce);
            observer.Handler.WaitForMessage(willTopic);
        }
        Assert.Equal(new[] { "marker" }, observer.Handler.Messages.Where(m => m.Topic == willTopic).Select(m => m.Text));
        Assert.Contains(broker.ReadLog().Split('\n'), l => l.Contains("Received DISCONNECT from device-"));
    }

    static void WithWill(MqttClientOptions options, string willTopic)
    {
        options.Connect.WillTopic = willTopic;
        options.Connect.WillPayload = Encoding.UTF8.GetBytes("offline");
        options.Connect.WillQos = MqttQos.AtLeastOnce;
    }
}
