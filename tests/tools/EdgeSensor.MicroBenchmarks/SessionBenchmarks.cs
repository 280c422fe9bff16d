using System;
using System.Runtime.CompilerServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// Whole flows through a connected session, with an in-memory transport: what the session writes is taken
/// as written, and the broker's packets are fed from arrays encoded once. One benchmark call is one message.
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks
{
    const long Now = 1000;

    readonly CountingHandler handler = new();
    readonly byte[] topic = Encoding.UTF8.GetBytes("edgesensor/dev1/telemetry");
    readonly byte[] payload = Encoding.UTF8.GetBytes("{\"temperature\":21.5,\"humidity\":40.2,\"uptime\":86400}");
    readonly byte[] puback = new byte[4];
    readonly byte[] incoming = new byte[64];
    MqttSession session;
    int incomingLength;
    int publishLength;

    /// <summary>Where the packet identifier sits in the QoS 1 PUBLISH the session writes: the broker reads it to acknowledge.</summary>
    int packetIdOffset;

    [GlobalSetup]
    public void Setup()
    {
        session = new MqttSession(new MqttSessionOptions(), handler);
        Expect(session.Connect(new MqttConnectOptions { ClientId = "bench-dev1", KeepAliveSeconds = 30 }, Now) == MqttError.None, "CONNECT");
        Drain();
        var scratch = new byte[256];
        Feed(scratch, BrokerEncoder.Connack(scratch, 0, false, MqttConnectReturnCode.Accepted));
        Expect(session.State == MqttSessionState.Connected, "CONNACK");

        int subscription = session.Subscribe("edgesensor/dev1/cmd/#", MqttQos.AtLeastOnce);
        var subscribe = new BrokerPacket();
        int count = session.GetOutput(out byte[] buffer, out int offset);
        Expect(BrokerDecoder.Decode(buffer, offset, count, subscribe) == MqttError.None, "SUBSCRIBE");
        session.OutputWritten(count, Now);
        Feed(scratch, BrokerEncoder.Suback(scratch, 0, subscribe.PacketId, new byte[] { 1 }, 0, 1));
        Expect(session.Subscriptions.State(subscription) == SubscriptionState.Active, "SUBACK");

        MqttEncoder.Ack(puback, 0, MqttPacketType.Puback, 1);
        publishLength = MqttEncoder.PublishSize(topic.Length, MqttQos.AtLeastOnce, payload.Length);
        int headerLength = MqttDecoder.TryReadFixedHeader(scratch, 0,
            MqttEncoder.Publish(scratch, 0, topic, 0, topic.Length, 1, MqttQos.AtLeastOnce, false, false, payload, 0, payload.Length),
            out _, out _);
        Expect(headerLength > 0, "sample PUBLISH");
        packetIdOffset = headerLength + 2 + topic.Length;
        incomingLength = MqttEncoder.Publish(incoming, 0, "edgesensor/dev1/cmd/relay", 7, MqttQos.AtLeastOnce, false, false,
            Encoding.UTF8.GetBytes("on"), 0, 2);

        Qos1PublishAndPuback();
        ReceivedQos1PublishAndPuback();
        Qos0PublishAndDrain();
        Expect(handler.LastSubscriptionIndex == subscription, "routing");
    }

    /// <summary>Publish at QoS 1, the transport writes it, the broker's PUBACK completes the flow.</summary>
    [Benchmark]
    public void Qos1PublishAndPuback()
    {
        if (session.Publish(topic, 0, topic.Length, payload, 0, payload.Length, MqttQos.AtLeastOnce, false) != MqttPublishResult.Accepted)
        {
            Fail("QoS 1 publish refused");
        }
        int count = session.GetOutput(out byte[] buffer, out int offset);
        if (count != publishLength) Fail("the session did not write exactly the PUBLISH");
        puback[2] = buffer[offset + packetIdOffset];
        puback[3] = buffer[offset + packetIdOffset + 1];
        session.OutputWritten(count, Now);
        session.Receive(puback, 0, puback.Length, Now);
        if (session.OutboxCount != 0) Fail("PUBACK did not complete the publish");
    }

    /// <summary>A QoS 1 PUBLISH arrives, is routed and handed to the application, and its PUBACK is written.</summary>
    [Benchmark]
    public void ReceivedQos1PublishAndPuback()
    {
        long before = handler.Messages;
        session.Receive(incoming, 0, incomingLength, Now);
        int count = session.GetOutput(out _, out _);
        session.OutputWritten(count, Now);
        if (count != 4 || handler.Messages != before + 1) Fail("the message was not delivered and acknowledged");
    }

    /// <summary>Publish at QoS 0 and the transport writes it: nothing is kept.</summary>
    [Benchmark]
    public void Qos0PublishAndDrain()
    {
        if (session.Publish(topic, 0, topic.Length, payload, 0, payload.Length, MqttQos.AtMostOnce, false) != MqttPublishResult.Accepted)
        {
            Fail("QoS 0 publish refused");
        }
        int count = session.GetOutput(out _, out _);
        session.OutputWritten(count, Now);
    }

    void Drain()
    {
        int count = session.GetOutput(out _, out _);
        session.OutputWritten(count, Now);
    }

    void Feed(byte[] bytes, int length) => Expect(session.Receive(bytes, 0, length, Now) == length, "broker packet");

    static void Expect(bool condition, string what)
    {
        if (!condition) Fail(what + " failed during setup");
    }

    /// <summary>Kept out of line so the benchmarks' hot paths carry only the test, not the throw.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Fail(string why) => throw new InvalidOperationException(why);
}
