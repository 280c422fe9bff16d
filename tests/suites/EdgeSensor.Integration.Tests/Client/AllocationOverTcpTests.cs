using System;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>
/// Steady-state publishing and receiving over a real TCP connection allocate nothing: not in the client, not in
/// the session, not in the transport. Allocations are counted per thread, so each side is measured on the
/// thread that does the work: the publisher's own thread, and the client's I/O thread inside the message callback.
/// </summary>
[Collection(EdgeSensor.Integration.Tests.AllocationCollection.Name)]
public sealed class AllocationOverTcpTests
{
    const int WarmUp = 500;
    const int Measured = 10000;
    static readonly int DeadlineMs = (int)RecordingHandler.Deadline.TotalMilliseconds;

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void Publishing_at_qos_0_and_1_allocates_nothing_on_the_publishing_thread()
    {
        using var broker = PrivateBroker.StartNew();
        using var publisher = TestClient.Connected(broker, "publisher");
        string topic = TestTopics.Unique("allocation");
        byte[] payload = new byte[48];

        Assert.True(PublishMany(publisher.Client, topic, payload, MqttQos.AtMostOnce, WarmUp));
        Assert.True(PublishMany(publisher.Client, topic, payload, MqttQos.AtLeastOnce, WarmUp));
        long start = GC.GetAllocatedBytesForCurrentThread();
        bool qos0 = PublishMany(publisher.Client, topic, payload, MqttQos.AtMostOnce, Measured);
        long afterQos0 = GC.GetAllocatedBytesForCurrentThread();
        bool qos1 = PublishMany(publisher.Client, topic, payload, MqttQos.AtLeastOnce, Measured);
        long afterQos1 = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(qos0 && qos1, "a publish was refused or no outbox room freed within the deadline");
        Assert.Equal(0, afterQos0 - start);
        Assert.Equal(0, afterQos1 - afterQos0);
        publisher.WaitForCompletedPublishes(WarmUp + Measured);
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public void Receiving_allocates_nothing_on_the_io_thread(MqttQos qos)
    {
        // The publisher may run ahead of the receiver on a busy machine; by default mosquitto would drop what
        // does not fit its per-client queue (1000 messages) and the count would never be reached.
        var brokerOptions = new PrivateBrokerOptions();
        brokerOptions.ExtraConfigLines.Add("max_queued_messages 0");
        using var broker = PrivateBroker.StartNew(brokerOptions);
        var counter = new AllocationCountingHandler(WarmUp, WarmUp + Measured);
        var options = TestClient.DefaultOptions(TestTopics.UniqueClientId("receiver"));
        var receiver = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, counter);
        receiver.Start();
        try
        {
            Assert.True(receiver.WaitForConnection(DeadlineMs));
            string topic = TestTopics.Unique("allocation");
            int subscription = receiver.Subscribe(topic, qos);
            Assert.True(counter.Subscribed.Wait(DeadlineMs), "no SUBACK");
            using var publisher = TestClient.Connected(broker, "publisher");

            Assert.True(PublishMany(publisher.Client, topic, new byte[48], qos, WarmUp + Measured));

            Assert.True(counter.Done.Wait(DeadlineMs), "received only " + counter.Count + " of " + (WarmUp + Measured)
                + " messages; disconnections: " + counter.Disconnections + ", last reason: " + counter.LastDisconnection);
            Assert.Equal(subscription, counter.LastSubscriptionIndex);
            Assert.Equal(0, counter.AllocatedBetweenMarks);
        }
        finally
        {
            receiver.Stop(DeadlineMs);
        }
    }

    /// <summary>No asserts inside: a passing Assert allocates nothing, but its message argument would.</summary>
    static bool PublishMany(MqttClient client, string topic, byte[] payload, MqttQos qos, int count)
    {
        for (int i = 0; i < count; i++)
        {
            payload[0] = (byte)i;
            MqttPublishResult result;
            while ((result = client.Publish(topic, payload, 0, payload.Length, qos, false)) == MqttPublishResult.OutboxFull)
            {
                if (!client.WaitForProgress(DeadlineMs))
                {
                    return false;
                }
            }

            if (result != MqttPublishResult.Accepted)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the I/O thread's allocation counter at two chosen messages; allocates nothing itself in between.</summary>
    sealed class AllocationCountingHandler : IMqttSessionHandler
    {
        readonly int firstMark;
        readonly int secondMark;
        long atFirstMark;
        long atSecondMark;
        int count;

        public AllocationCountingHandler(int firstMark, int secondMark)
        {
            this.firstMark = firstMark;
            this.secondMark = secondMark;
        }

        public ManualResetEventSlim Subscribed { get; } = new ManualResetEventSlim();

        public ManualResetEventSlim Done { get; } = new ManualResetEventSlim();

        public int Count => Volatile.Read(ref count);

        public int LastSubscriptionIndex { get; private set; } = -2;

        public int Disconnections { get; private set; }

        public MqttError LastDisconnection { get; private set; }

        public long AllocatedBetweenMarks => atSecondMark - atFirstMark;

        public void OnConnected(bool sessionPresent)
        {
        }

        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
        {
            LastDisconnection = reason;
            Disconnections++;
        }

        public void OnSubscribeResult(int subscriptionIndex, int returnCode)
        {
            Subscribed.Set();
        }

        public void OnUnsubscribed(int subscriptionIndex) { }

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
        public void OnMessage(MqttMessage message)
        {
            int n = Interlocked.Increment(ref count);
            if (n == firstMark)
            {
                atFirstMark = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (n == secondMark)
            {
                atSecondMark = GC.GetAllocatedBytesForCurrentThread();
                LastSubscriptionIndex = message.SubscriptionIndex;
                Done.Set();
            }
        }
    }
}
