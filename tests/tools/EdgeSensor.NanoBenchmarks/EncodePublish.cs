using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.NanoBenchmarks;

/// <summary>Encodes a QoS 1 PUBLISH from a string topic into a buffer.</summary>
public sealed class EncodePublish : IBenchmark
{
    readonly byte[] buffer = new byte[128];

    public void Run()
    {
        MqttEncoder.Publish(buffer, 0, Samples.Topic, 1, MqttQos.AtLeastOnce, false, false, Samples.Payload, 0, Samples.Payload.Length);
    }
}
