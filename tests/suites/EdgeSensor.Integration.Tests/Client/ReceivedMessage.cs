using System.Text;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>A copy of a delivered message: the client's <see cref="MqttMessage"/> is a view valid only during its callback.</summary>
sealed record ReceivedMessage(string Topic, byte[] Payload, MqttQos Qos, bool Retain, bool Dup, int SubscriptionIndex)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}
