using System;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests;

/// <summary>
/// The hot paths (validating received strings, routing a topic, encoding an outgoing one)
/// must not allocate: on the device every allocation brings a garbage collection nearer.
/// </summary>
[Collection(EdgeSensor.Mqtt.Tests.AllocationCollection.Name)]
public class AllocationTests
{
    const int Calls = 10000;

    static readonly byte[] Text = System.Text.Encoding.UTF8.GetBytes("sensors/€/😀/temperature");
    static readonly byte[] Filter = System.Text.Encoding.UTF8.GetBytes("sensors/+/+/#");
    static readonly byte[] Topic = System.Text.Encoding.UTF8.GetBytes("sensors/€/😀/temperature/raw");
    const string Outgoing = "sensors/€/😀/temperature";

    [Fact]
    public void Validate_allocates_nothing()
    {
        Assert.Equal(0, BytesAllocatedBy(() => Assert.Equal(MqttError.None, MqttUtf8.Validate(Text, 0, Text.Length)), () =>
        {
            for (int i = 0; i < Calls; i++)
            {
                MqttUtf8.Validate(Text, 0, Text.Length);
            }
        }));
    }

    [Fact]
    public void ValidateName_and_ValidateFilter_allocate_nothing()
    {
        Action warmUp = () =>
        {
            Assert.Equal(MqttError.None, MqttTopic.ValidateName(Topic, 0, Topic.Length));
            Assert.Equal(MqttError.None, MqttTopic.ValidateFilter(Filter, 0, Filter.Length));
        };
        Assert.Equal(0, BytesAllocatedBy(warmUp, () =>
        {
            for (int i = 0; i < Calls; i++)
            {
                MqttTopic.ValidateName(Topic, 0, Topic.Length);
                MqttTopic.ValidateFilter(Filter, 0, Filter.Length);
            }
        }));
    }

    [Fact]
    public void Matches_allocates_nothing()
    {
        Assert.Equal(0, BytesAllocatedBy(() => Assert.True(MqttTopic.Matches(Filter, 0, Filter.Length, Topic, 0, Topic.Length)), () =>
        {
            for (int i = 0; i < Calls; i++)
            {
                MqttTopic.Matches(Filter, 0, Filter.Length, Topic, 0, Topic.Length);
            }
        }));
    }

    [Fact]
    public void ByteCount_and_Encode_allocate_nothing()
    {
        byte[] buffer = new byte[64];
        Action warmUp = () => Assert.Equal(MqttUtf8.ByteCount(Outgoing), MqttUtf8.Encode(Outgoing, buffer, 3));
        Assert.Equal(0, BytesAllocatedBy(warmUp, () =>
        {
            for (int i = 0; i < Calls; i++)
            {
                MqttUtf8.ByteCount(Outgoing);
                MqttUtf8.Encode(Outgoing, buffer, 3);
            }
        }));
    }

    [Fact]
    public void The_measurement_sees_an_allocation_when_there_is_one()
    {
        // Guards the other tests against a counter that always reads zero.
        Assert.True(BytesAllocatedBy(() => { }, () => System.Text.Encoding.UTF8.GetBytes(Outgoing)) > 0);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    static long BytesAllocatedBy(Action warmUp, Action measured)
    {
        warmUp();
        measured();
        long before = GC.GetAllocatedBytesForCurrentThread();
        measured();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
