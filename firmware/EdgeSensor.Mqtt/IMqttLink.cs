namespace EdgeSensor.Mqtt;

/// <summary>
/// What an application needs from an MQTT connection: publish and subscribe. <see cref="MqttClient"/> is one;
/// a host that drives many sessions from a few threads provides its own.
/// </summary>
public interface IMqttLink
{
    MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain);

    int Subscribe(string filter, MqttQos qos);
}
