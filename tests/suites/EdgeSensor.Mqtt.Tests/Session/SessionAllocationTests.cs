using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>Steady-state publish, receive, acknowledge, ping and routing allocate nothing (docs/architecture.md, memory rules).</summary>
[Collection(EdgeSensor.Mqtt.Tests.AllocationCollection.Name)]
public class SessionAllocationTests
{
    const int Operations = 10_000;

    sealed class Fixture
    {
        public readonly MqttSession Session;
        public readonly RecordingHandler Handler = new() { CopyMessages = false };
        public readonly byte[] Incoming = new byte[256];
        public readonly byte[] Payload = new byte[16];
        public readonly byte[] Topic = System.Text.Encoding.UTF8.GetBytes("edgesensor/dev1/telemetry");
        public long Now;

        public Fixture()
        {
            Session = new MqttSession(new MqttSessionOptions(), Handler);
            Session.Connect(new MqttConnectOptions { ClientId = "alloc", KeepAliveSeconds = 30 }, 0);
            Drain();
            Session.Receive(Incoming, 0, BrokerEncoder.Connack(Incoming, 0, false, MqttConnectReturnCode.Accepted), 0);
            Session.Subscribe("edgesensor/+/cmd/#", MqttQos.AtLeastOnce);
            Drain();
        }

        public int Drain()
        {
            int count = Session.GetOutput(out _, out _);
            Session.OutputWritten(count, Now);
            return count;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    static long Measure(Action<int> operation)
    {
        // Warm-up as long as the measurement, so that every path it takes (a compaction, a packet id wrapping) is
        // compiled and initialised first: first use can allocate, and whether another test got there earlier varies.
        for (int i = 0; i < Operations; i++) operation(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Operations; i++) operation(i);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Qos0Publish_AllocatesNothing()
    {
        var f = new Fixture();
        long bytes = Measure(i =>
        {
            f.Session.Publish(f.Topic, 0, f.Topic.Length, f.Payload, 0, f.Payload.Length, MqttQos.AtMostOnce, false);
            f.Session.Publish("edgesensor/dev1/state", f.Payload, 0, 4, MqttQos.AtMostOnce, false);
            f.Drain();
        });
        Assert.Equal(0, bytes);
        Assert.Equal(MqttSessionState.Connected, f.Session.State);
    }

    [Fact]
    public void Qos1PublishAndPuback_AllocateNothing()
    {
        var f = new Fixture();
        var ack = new byte[4];
        var packet = new BrokerPacket();
        long bytes = Measure(i =>
        {
            f.Session.Publish(f.Topic, 0, f.Topic.Length, f.Payload, 0, f.Payload.Length, MqttQos.AtLeastOnce, false);
            f.Session.GetOutput(out byte[] buffer, out int offset);
            BrokerDecoder.Decode(buffer, offset, f.Session.GetOutput(out _, out _), packet);
            int id = packet.PacketId;
            f.Drain();
            f.Session.Receive(ack, 0, MqttEncoder.Ack(ack, 0, MqttPacketType.Puback, id), f.Now);
        });
        Assert.Equal(0, bytes);
        Assert.Equal(2 * Operations, f.Session.PublishesCompleted);
        Assert.Equal(2 * Operations, f.Handler.CompletionCount); // OnPublishCompleted ran for each, inside the measurement
        Assert.Equal(0, f.Session.OutboxCount);
    }

    [Fact]
    public void StreamedPublishAndPuback_AllocateNothing()
    {
        var f = new Fixture();
        var source = new ZeroSource();
        var ack = new byte[4];
        long bytes = Measure(i =>
        {
            f.Session.Publish("edgesensor/dev1/log", source, 4000, MqttQos.AtLeastOnce, false, out _);
            int count = f.Session.GetOutput(out byte[] buffer, out int offset);
            int header = MqttDecoder.TryReadFixedHeader(buffer, offset, count, out _, out _);
            int id = BigEndian.ReadUInt16(buffer, offset + header + 2 + BigEndian.ReadUInt16(buffer, offset + header));
            while (f.Drain() > 0)
            {
            }
            f.Session.Receive(ack, 0, MqttEncoder.Ack(ack, 0, MqttPacketType.Puback, id), f.Now);
        });
        Assert.Equal(0, bytes);
        Assert.Equal(2 * Operations, f.Session.PublishesCompleted);
        Assert.Equal(0, f.Session.OutboxCount);
    }

    sealed class ZeroSource : IMqttPayloadSource
    {
        public int Read(int position, byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }
    }

    [Fact]
    public void ReceivedQos0AndQos1_RoutingAndPingsAllocateNothing()
    {
        var f = new Fixture();
        int q0 = MqttEncoder.Publish(f.Incoming, 0, "edgesensor/dev1/cmd/relay", 0, MqttQos.AtMostOnce, false, false, f.Payload, 0, 3);
        var q1Packet = new byte[64];
        var ping = new byte[2];
        MqttEncoder.Empty(ping, 0, MqttPacketType.Pingresp);
        long bytes = Measure(i =>
        {
            f.Now += 10;
            f.Session.Receive(f.Incoming, 0, q0, f.Now);
            int q1 = MqttEncoder.Publish(q1Packet, 0, "edgesensor/dev1/cmd/pwm", 1 + (i % 60000), MqttQos.AtLeastOnce, false, false, f.Payload, 0, 2);
            f.Session.Receive(q1Packet, 0, q1, f.Now);
            f.Session.Tick(f.Now);
            f.Drain();
            f.Session.Receive(ping, 0, 2, f.Now);
        });
        Assert.Equal(0, bytes);
        Assert.Equal(4 * Operations, f.Handler.MessageCount);
        Assert.Equal(MqttSessionState.Connected, f.Session.State);
    }
}
