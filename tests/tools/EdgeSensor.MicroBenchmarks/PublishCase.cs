using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// One payload size of the PUBLISH codec benchmarks: the payload, and the packet that carries it encoded
/// once up front so that decoding measures the decoder alone. Its text names the column value in the results.
/// </summary>
public sealed class PublishCase
{
    public readonly byte[] Payload;
    public readonly byte[] Packet;
    public readonly int PacketLength;
    readonly string label;

    public PublishCase(int payloadSize, string label)
    {
        this.label = label;
        Payload = new byte[payloadSize];
        for (int i = 0; i < payloadSize; i++) Payload[i] = (byte)('a' + i % 26);
        Packet = new byte[payloadSize + 64];
        PacketLength = MqttEncoder.Publish(Packet, 0, CodecSamples.TelemetryTopic, 0, CodecSamples.TelemetryTopic.Length,
            CodecSamples.PacketId, MqttQos.AtLeastOnce, false, false, Payload, 0, payloadSize);
        if (PacketLength < 0) throw new System.InvalidOperationException("sample PUBLISH does not fit its buffer");
    }

    public override string ToString() => label;
}
