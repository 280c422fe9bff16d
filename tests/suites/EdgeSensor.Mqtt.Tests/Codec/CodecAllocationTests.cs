using System;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// The codec is on every message's path: on the device an allocation per message would bring
/// garbage collections in proportion to traffic.
/// </summary>
[Collection(EdgeSensor.Mqtt.Tests.AllocationCollection.Name)]
public class CodecAllocationTests
{
    const int Cycles = 10000;
    const string Topic = "sensors/€/temperature";

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void Encoding_and_decoding_a_qos_1_publish_allocates_nothing()
    {
        byte[] buffer = new byte[64];
        byte[] payload = new byte[16];
        MqttPacket view = new MqttPacket();

        // Warmed over the whole workload: every method passes its tier-up call count before the measurement, so
        // the runtime's tiering work (which can start its worker from the calling thread) is not counted.
        int failures = 0;
        for (int i = 0; i < Cycles; i++)
        {
            failures += Cycle(buffer, payload, view);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Cycles; i++)
        {
            failures += Cycle(buffer, payload, view);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
    }

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void Encoding_with_a_pre_encoded_topic_and_decoding_allocates_nothing()
    {
        byte[] buffer = new byte[64];
        byte[] payload = new byte[16];
        byte[] topic = System.Text.Encoding.UTF8.GetBytes(Topic);
        MqttPacket view = new MqttPacket();

        // Warmed over the whole workload: every method passes its tier-up call count before the measurement, so
        // the runtime's tiering work (which can start its worker from the calling thread) is not counted.
        int failures = 0;
        for (int i = 0; i < Cycles; i++)
        {
            failures += CycleWithBytes(buffer, topic, payload, view);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Cycles; i++)
        {
            failures += CycleWithBytes(buffer, topic, payload, view);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
    }

    /// <summary>One encode and one decode; 1 when something went wrong (asserting here could allocate).</summary>
    static int Cycle(byte[] buffer, byte[] payload, MqttPacket view)
    {
        int written = MqttEncoder.Publish(buffer, 0, Topic, 4242, MqttQos.AtLeastOnce, false, false, payload, 0, payload.Length);
        MqttError error = MqttDecoder.Decode(buffer, 0, written, view);
        return error == MqttError.None && view.PacketId == 4242 && view.PayloadLength == 16 ? 0 : 1;
    }

    static int CycleWithBytes(byte[] buffer, byte[] topic, byte[] payload, MqttPacket view)
    {
        int written = MqttEncoder.Publish(buffer, 0, topic, 0, topic.Length, 4242, MqttQos.AtLeastOnce, false, false, payload, 0, payload.Length);
        MqttError error = MqttDecoder.Decode(buffer, 0, written, view);
        return error == MqttError.None && view.PacketId == 4242 && view.PayloadLength == 16 ? 0 : 1;
    }
}
