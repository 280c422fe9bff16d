using System.Linq;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Reliability;

public sealed class SlowLinkTests
{
    const int Messages = 200;

    /// <summary>
    /// Packets split into single bytes and arriving late must still be framed correctly: TCP is a byte stream and a
    /// packet may arrive in any number of pieces [MQTT-4.2.0-1 ordered, lossless byte stream].
    /// </summary>
    [Fact]
    public void A_qos1_exchange_survives_byte_at_a_time_and_delayed_forwarding()
    {
        using var broker = PrivateBroker.StartNew();
        using var proxy = new FaultProxy(broker.Port) { ForNewConnections = new FaultSettings(false, 5, true) };
        string topic = TestTopics.Unique("slow");
        var options = TestClient.DefaultOptions(TestTopics.UniqueClientId("slow"));
        using var client = new TestClient(new TcpTransport(proxy.Host, proxy.Port), options);
        client.Client.Start();
        client.WaitForConnection();
        client.Subscribe(topic, MqttQos.AtLeastOnce);

        for (int i = 0; i < Messages; i++)
        {
            client.Publish(topic, i.ToString(), MqttQos.AtLeastOnce);
        }

        var received = client.Handler.WaitForMessages(topic, Messages);
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => i.ToString()), received.Select(m => m.Text));
        Assert.Empty(client.Handler.Disconnections);
    }
}
