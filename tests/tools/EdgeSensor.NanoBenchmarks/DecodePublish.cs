using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.NanoBenchmarks;

/// <summary>Decodes (and validates: UTF-8 topic, flags, lengths) a QoS 1 PUBLISH.</summary>
public sealed class DecodePublish : IBenchmark
{
    readonly byte[] packetBytes = new byte[128];
    readonly MqttPacket packet = new MqttPacket();
    readonly int length;

    public DecodePublish()
    {
        length = MqttEncoder.Publish(packetBytes, 0, Samples.Topic, 1, MqttQos.AtLeastOnce, false, false, Samples.Payload, 0, Samples.Payload.Length);
    }

    public void Run()
    {
        if (MqttDecoder.Decode(packetBytes, 0, length, packet) != MqttError.None) throw new InvalidOperationException("sample PUBLISH refused");
    }
}
