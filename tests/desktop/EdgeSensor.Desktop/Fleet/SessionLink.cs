using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>
/// What a device needs from MQTT, straight onto its session. No locks: the fleet calls the session and the
/// device only from the one shard thread that owns them, so nothing here is ever called concurrently.
/// </summary>
sealed class SessionLink : IMqttLink
{
    readonly MqttSession session;

    public SessionLink(MqttSession session)
    {
        this.session = session;
    }

    public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
    {
        return session.Publish(topic, 0, topic.Length, payload, offset, count, qos, retain);
    }

    public int Subscribe(string filter, MqttQos qos)
    {
        return session.Subscribe(filter, qos);
    }
}
