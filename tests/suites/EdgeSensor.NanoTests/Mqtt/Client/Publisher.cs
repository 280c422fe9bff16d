using System.Threading;
using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoTests.Client;

/// <summary>A thread that publishes <see cref="count"/> one-byte messages (0, 1, 2...) on one topic through the client.</summary>
public sealed class Publisher
{
    readonly MqttClient client;
    readonly string topic;
    readonly int count;
    readonly MqttQos qos;

    Publisher(MqttClient client, string topic, int count, MqttQos qos)
    {
        this.client = client;
        this.topic = topic;
        this.count = count;
        this.qos = qos;
    }

    public static Thread Start(MqttClient client, string topic, int count, MqttQos qos)
    {
        Thread thread = new Thread(new Publisher(client, topic, count, qos).Run);
        thread.Start();
        return thread;
    }

    void Run()
    {
        for (int i = 0; i < count; i++) client.Publish(topic, new byte[] { (byte)i }, 0, 1, qos, false);
    }
}
