using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;
using Xunit.Abstractions;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// Issue 12, point 1: a broker that stops reading while it keeps sending (a PUBREL stream whose PUBCOMP answers fill the
/// socket). The client's I/O thread is the blocked writer here, so nothing may hold it in a write: the link is declared
/// dead within 1.5 x KeepAlive of the last byte the broker took, and Stop returns within its timeout meanwhile.
/// </summary>
public sealed class StuckLinkTests
{
    const int KeepAliveSeconds = 2;
    const int KeepAliveMs = KeepAliveSeconds * 1000;

    /// <summary>
    /// Added to the bounds below for thread scheduling on a loaded machine. The bound used to be the transport's 30 s
    /// write timeout.
    /// </summary>
    const int MarginMs = 1500;

    readonly ITestOutputHelper output;

    public StuckLinkTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// KeepAlive 2 s: a link that takes no bytes for KeepAlive + PingTimeout (1.5 x KeepAlive) is dead, like one that
    /// sends none. Measured from the last PUBREL the client read, which comes after its own last write.
    /// </summary>
    [Fact]
    public void A_broker_that_stops_reading_while_it_sends_is_declared_dead_within_1_5_keepalives()
    {
        using var broker = new PubrelFloodBroker();
        var handler = new TimelineHandler(broker.Clock);
        MqttClientOptions options = TestClient.DefaultOptions(TestTopics.UniqueClientId("stuck"));
        options.Connect.KeepAliveSeconds = KeepAliveSeconds;
        options.MaxReconnectDelayMs = options.InitialReconnectDelayMs = 60_000; // one connection is the whole test
        var client = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, handler);
        client.Start();
        try
        {
            Assert.True(broker.Flooding.Wait(TimelineHandler.Deadline), "the client connected and the flood began");
            handler.WaitUntil((c, d) => d.Count > 0, "the stuck link to be declared dead");
            TimedDisconnection noticed = handler.Disconnections[0];
            long afterLastTaken = noticed.AtMs - broker.LastTakenAtMs;

            output.WriteLine("keepalive " + KeepAliveMs + " ms; " + broker.PubrelsSent + " PUBRELs taken, the last at " + broker.LastTakenAtMs
                + " ms; declared dead (" + noticed.Reason + ") at " + noticed.AtMs + " ms, " + afterLastTaken + " ms after the client last read");
            Assert.Equal(MqttError.KeepAliveTimeout, noticed.Reason);
            Assert.InRange(afterLastTaken, 0, KeepAliveMs * 3 / 2 + MarginMs);
        }
        finally
        {
            client.Stop(2000);
        }
    }

    /// <summary>
    /// Stop used to wait for its turn behind the I/O thread's write, i.e. for the 30 s write timeout. Stop(t) writes its
    /// DISCONNECT for at most t/2 and waits for the I/O thread at most t/2; it waits for the turn no longer than the
    /// I/O thread writes (MaxReadWaitMs, 200 ms here), which the margin covers.
    /// </summary>
    [Fact]
    public void Stop_returns_within_its_timeout_while_the_link_is_stuck()
    {
        const int StopTimeoutMs = 2000;
        using var broker = new PubrelFloodBroker();
        var handler = new TimelineHandler(broker.Clock);
        MqttClientOptions options = TestClient.DefaultOptions(TestTopics.UniqueClientId("stuckstop"));
        options.Connect.KeepAliveSeconds = 30; // keepalive must not end the link first: Stop has to
        var client = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, handler);
        client.Start();
        Assert.True(broker.Stuck.Wait(TimelineHandler.Deadline), "the client stopped taking PUBRELs");

        long stopAt = broker.Clock.ElapsedMilliseconds;
        client.Stop(StopTimeoutMs);
        long stopMs = broker.Clock.ElapsedMilliseconds - stopAt;

        output.WriteLine("Stop(" + StopTimeoutMs + ") on a stuck link returned after " + stopMs + " ms; disconnections: " + string.Join(", ", handler.Disconnections));
        Assert.InRange(stopMs, 0, StopTimeoutMs + MarginMs);
        // Still connected when Stop came (the link was stuck, not yet judged dead). No DISCONNECT fits a stuck send
        // buffer, so the connection ends as a closed transport rather than a goodbye.
        Assert.True(handler.Disconnections.Count == 1 && handler.Disconnections[0].AtMs >= stopAt, "the link was stuck until Stop");
        Assert.False(client.IsConnected);
    }
}
