using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// Encoding and decoding single packets in caller-owned buffers. The payload size is an argument of the
/// PUBLISH benchmarks only (rather than a class-wide [Params]) so CONNECT and SUBSCRIBE are measured once.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    readonly byte[] output = new byte[8192];
    readonly BrokerPacket packet = new();
    MqttConnectOptions connect;
    byte[] connectPacket;
    int connectLength;
    byte[] subscribePacket;
    int subscribeLength;

    public static IEnumerable<PublishCase> PayloadSizes()
    {
        yield return new PublishCase(16, "16 B");
        yield return new PublishCase(256, "256 B");
        yield return new PublishCase(4096, "4 KiB");
    }

    [GlobalSetup]
    public void Setup()
    {
        connect = CodecSamples.DeviceConnect();
        connectPacket = new byte[256];
        connectLength = MqttEncoder.Connect(connectPacket, 0, connect);
        subscribePacket = new byte[256];
        subscribeLength = MqttEncoder.Subscribe(subscribePacket, 0, CodecSamples.PacketId, CodecSamples.DeviceFilters,
            CodecSamples.DeviceFilterQos, 0, CodecSamples.DeviceFilters.Length);
        // Measure the success paths only: a sample that fails to round-trip would time an early return.
        foreach (PublishCase c in PayloadSizes())
        {
            Expect(EncodePublish(c) == c.PacketLength, "PUBLISH encode");
            Expect(DecodePublish(c) == MqttError.None && packet.PayloadLength == c.Payload.Length, "PUBLISH decode");
        }
        Expect(EncodeConnect() == connectLength && DecodeConnect() == MqttError.None && packet.HasWill && packet.HasPassword, "CONNECT");
        Expect(EncodeSubscribe() == subscribeLength && DecodeSubscribe() == MqttError.None, "SUBSCRIBE");
    }

    [Benchmark]
    [ArgumentsSource(nameof(PayloadSizes))]
    public int EncodePublish(PublishCase payload) =>
        MqttEncoder.Publish(output, 0, CodecSamples.TelemetryTopic, 0, CodecSamples.TelemetryTopic.Length,
            CodecSamples.PacketId, MqttQos.AtLeastOnce, false, false, payload.Payload, 0, payload.Payload.Length);

    [Benchmark]
    [ArgumentsSource(nameof(PayloadSizes))]
    public MqttError DecodePublish(PublishCase payload) => MqttDecoder.Decode(payload.Packet, 0, payload.PacketLength, packet);

    [Benchmark]
    public int EncodeConnect() => MqttEncoder.Connect(output, 0, connect);

    [Benchmark]
    public MqttError DecodeConnect() => BrokerDecoder.Decode(connectPacket, 0, connectLength, packet);

    [Benchmark]
    public int EncodeSubscribe() =>
        MqttEncoder.Subscribe(output, 0, CodecSamples.PacketId, CodecSamples.DeviceFilters, CodecSamples.DeviceFilterQos,
            0, CodecSamples.DeviceFilters.Length);

    [Benchmark]
    public MqttError DecodeSubscribe() => BrokerDecoder.Decode(subscribePacket, 0, subscribeLength, packet);

    static void Expect(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException(what + " sample does not round-trip: the benchmark would measure a failure");
    }
}
