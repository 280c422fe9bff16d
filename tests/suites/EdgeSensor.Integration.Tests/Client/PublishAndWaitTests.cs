using System;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>Per-message completion against mosquitto: PublishAndWait, OnPublishCompleted, and what they allocate.</summary>
[Collection(EdgeSensor.Integration.Tests.AllocationCollection.Name)]
public sealed class PublishAndWaitTests
{
    const int WarmUp = 200;
    const int Measured = 5000;
    static readonly int DeadlineMs = (int)RecordingHandler.Deadline.TotalMilliseconds;

    [Theory]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public void Publish_and_wait_returns_completed_after_the_broker_acknowledged(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        using var client = TestClient.Connected(broker, "waiter");
        string topic = TestTopics.Unique("wait");
        client.Subscribe(topic, qos);
        byte[] payload = new byte[] { 1, 2, 3 };

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(MqttPublishResult.Completed, client.Client.PublishAndWait(topic, payload, 0, 3, qos, false, DeadlineMs));
            // The flow ended (PUBACK, or PUBCOMP [MQTT-4.3.3-1]) before the call returned, and the handler heard it first.
            Assert.Equal(i + 1, client.Client.PublishesCompleted);
            Assert.Equal((i + 1, MqttPublishOutcome.Acknowledged), client.Handler.Completions[i]);
        }

        Assert.Equal(3, client.Handler.WaitForMessages(topic, 3).Count);
        Assert.Equal(0, client.Client.OutboxCount);
    }

    [Fact]
    public void Publish_and_wait_from_a_callback_throws()
    {
        using var broker = PrivateBroker.StartNew();
        var handler = new CallbackWaiter();
        var options = TestClient.DefaultOptions(TestTopics.UniqueClientId("callback"));
        using var client = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, handler);
        handler.Client = client;
        client.Start();
        Assert.True(client.WaitForConnection(DeadlineMs));
        Assert.IsType<InvalidOperationException>(handler.Thrown);
    }

    [Theory]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised
    public void Completion_allocates_nothing_per_message(MqttQos qos)
    {
        using var broker = PrivateBroker.StartNew();
        var counter = new CompletionCounter(WarmUp, WarmUp + Measured);
        var options = TestClient.DefaultOptions(TestTopics.UniqueClientId("completion"));
        using var client = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, counter);
        client.Start();
        Assert.True(client.WaitForConnection(DeadlineMs));
        string topic = TestTopics.Unique("completion");
        byte[] payload = new byte[48];

        // Publish(..., out id) on the publishing thread, OnPublishCompleted on the I/O thread.
        Assert.True(PublishMany(client, topic, payload, qos, WarmUp));
        long start = GC.GetAllocatedBytesForCurrentThread();
        bool published = PublishMany(client, topic, payload, qos, Measured);
        long afterPublish = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(published, "a publish was refused or no outbox room freed within the deadline");
        Assert.True(counter.Done.Wait(DeadlineMs), "completed only " + counter.Count);
        Assert.Equal(0, afterPublish - start);
        Assert.Equal(0, counter.AllocatedBetweenMarks);
        Assert.Equal(WarmUp + Measured, counter.LastId); // ids count up from 1

        // PublishAndWait on the caller's thread.
        Assert.True(WaitMany(client, topic, payload, qos, WarmUp));
        start = GC.GetAllocatedBytesForCurrentThread();
        bool waited = WaitMany(client, topic, payload, qos, 1000);
        long afterWaits = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(waited, "a PublishAndWait did not complete");
        Assert.Equal(0, afterWaits - start);
        client.Stop(DeadlineMs);
    }

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised
    public void Streaming_and_waiting_for_completion_allocate_nothing_per_message()
    {
        using var broker = PrivateBroker.StartNew();
        var options = TestClient.DefaultOptions(TestTopics.UniqueClientId("streaming"));
        options.Session.SendBufferSize = 1024;
        using var client = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, new CompletionCounter(0, 0));
        client.Start();
        Assert.True(client.WaitForConnection(DeadlineMs));
        string topic = TestTopics.Unique("streaming");
        var source = new ArrayPayloadSource(ArrayPayloadSource.Pattern(8000));

        Assert.True(StreamMany(client, topic, source, 20));
        long start = GC.GetAllocatedBytesForCurrentThread();
        bool streamed = StreamMany(client, topic, source, 200);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        Assert.True(streamed, "a streamed publish was refused or did not complete");
        Assert.Equal(0, allocated);
        client.Stop(DeadlineMs);
    }

    static bool StreamMany(MqttClient client, string topic, ArrayPayloadSource source, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (client.Publish(topic, source, 8000, MqttQos.AtLeastOnce, false, out int id) != MqttPublishResult.Accepted || !client.WaitForCompletion(id, DeadlineMs))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>No asserts inside: a passing Assert allocates nothing, but its message argument would.</summary>
    static bool PublishMany(MqttClient client, string topic, byte[] payload, MqttQos qos, int count)
    {
        for (int i = 0; i < count; i++)
        {
            MqttPublishResult result;
            while ((result = client.Publish(topic, payload, 0, payload.Length, qos, false, out int _)) == MqttPublishResult.OutboxFull)
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

    static bool WaitMany(MqttClient client, string topic, byte[] payload, MqttQos qos, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (client.PublishAndWait(topic, payload, 0, payload.Length, qos, false, DeadlineMs) != MqttPublishResult.Completed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the I/O thread's allocation counter at two chosen completions; allocates nothing itself in between.</summary>
    sealed class CompletionCounter : IMqttSessionHandler
    {
        readonly int firstMark;
        readonly int secondMark;
        long atFirstMark;
        long atSecondMark;
        int count;

        public CompletionCounter(int firstMark, int secondMark)
        {
            this.firstMark = firstMark;
            this.secondMark = secondMark;
        }

        public ManualResetEventSlim Done { get; } = new ManualResetEventSlim();

        public int Count => Volatile.Read(ref count);

        public int LastId { get; private set; }

        public long AllocatedBetweenMarks => atSecondMark - atFirstMark;

        public void OnConnected(bool sessionPresent) { }

        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }

        public void OnMessage(MqttMessage message) { }

        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnUnsubscribed(int subscriptionIndex) { }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome)
        {
            int n = Interlocked.Increment(ref count);
            if (n == firstMark)
            {
                atFirstMark = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (n == secondMark)
            {
                atSecondMark = GC.GetAllocatedBytesForCurrentThread();
                LastId = messageId;
                Done.Set();
            }
        }
    }

    sealed class CallbackWaiter : IMqttSessionHandler
    {
        public MqttClient Client;
        public Exception Thrown;

        public void OnConnected(bool sessionPresent)
        {
            try
            {
                Client.PublishAndWait("t", new byte[1], 0, 1, MqttQos.AtLeastOnce, false, 10);
            }
            catch (Exception e)
            {
                Thrown = e;
            }
        }

        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) { }

        public void OnMessage(MqttMessage message) { }

        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnUnsubscribed(int subscriptionIndex) { }

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
    }
}
