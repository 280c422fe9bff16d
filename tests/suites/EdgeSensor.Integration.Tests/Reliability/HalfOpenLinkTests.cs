using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;
using Xunit.Abstractions;

namespace EdgeSensor.Integration.Tests.Reliability;

public sealed class HalfOpenLinkTests
{
    const int KeepAliveSeconds = 2;
    const int KeepAliveMs = KeepAliveSeconds * 1000;

    readonly ITestOutputHelper output;

    public HalfOpenLinkTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// The link goes half-open (the proxy keeps both sockets open and forwards nothing) while the application
    /// publishes QoS 0 without pause, so the client is never idle on the sending side. The client must still
    /// declare the link dead: nothing has arrived for KeepAlive + PingTimeout = 1.5 x KeepAlive = 3 s
    /// [MQTT-3.1.2-24 applied to the client]; measured from the moment of silence, and given up to one keepalive
    /// since the last PINGRESP plus scheduling slack, the test allows 3 x KeepAlive = 6 s. Then it reconnects
    /// through a fresh proxied connection and its publishes reach a subscriber again.
    /// </summary>
    [Fact]
    public void A_half_open_link_is_detected_within_1_5_keepalives_while_publishing_qos0_and_the_client_reconnects()
    {
        using var broker = PrivateBroker.StartNew();
        using var proxy = new FaultProxy(broker.Port);
        string topic = TestTopics.Unique("halfopen");
        using var subscriber = TestClient.Connected(broker, "watcher");
        subscriber.Subscribe(topic, MqttQos.AtMostOnce);

        var clock = Stopwatch.StartNew();
        var handler = new TimelineHandler(clock);
        MqttClientOptions options = TestClient.DefaultOptions(TestTopics.UniqueClientId("halfopen"));
        options.Connect.KeepAliveSeconds = KeepAliveSeconds;
        var client = new MqttClient(new TcpTransport(proxy.Host, proxy.Port), new SystemClock(), options, handler);
        client.Start();
        using var publishing = new CancellationTokenSource();
        long lastAccepted = -1;
        var publisher = new Thread(() =>
        {
            for (long sequence = 0; !publishing.IsCancellationRequested; sequence++)
            {
                byte[] payload = Encoding.ASCII.GetBytes(sequence.ToString());
                if (client.Publish(topic, payload, 0, payload.Length, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted)
                {
                    Volatile.Write(ref lastAccepted, sequence);
                }

                Thread.Sleep(2); // a steady sensor stream, not a flood that would fill the socket buffers
            }
        })
        { IsBackground = true, Name = "qos0 publisher" };

        try
        {
            Assert.True(client.WaitForConnection(KeepAliveMs * 10), "no first connection");
            publisher.Start();
            subscriber.Handler.WaitUntil(() => subscriber.Handler.Messages.Count > 50, "the QoS 0 stream to flow");

            long silentAt = clock.ElapsedMilliseconds;
            proxy.GoSilent();
            handler.WaitUntil((c, d) => d.Count > 0, "the half-open link to be noticed");
            TimedDisconnection noticed = handler.Disconnections[0];
            long detectionMs = noticed.AtMs - silentAt;

            handler.WaitUntil((c, d) => c.Count >= 2, "a reconnection");
            long reconnectedAfterMs = handler.Connections[1] - noticed.AtMs;
            long afterReconnect = Volatile.Read(ref lastAccepted) + 1;
            subscriber.Handler.WaitUntil(() => subscriber.Handler.Messages.Any(m => long.Parse(m.Text) > afterReconnect), "publishes after the reconnection");

            output.WriteLine("keepalive " + KeepAliveMs + " ms; silence noticed after " + detectionMs + " ms (" + noticed.Reason
                + "); reconnected " + reconnectedAfterMs + " ms later; proxy connections " + proxy.Accepted);
            Assert.Equal(MqttError.KeepAliveTimeout, noticed.Reason);
            Assert.InRange(detectionMs, 0, 3 * KeepAliveMs);
            Assert.Equal(2, proxy.Accepted);
        }
        finally
        {
            publishing.Cancel();
            publisher.Join(5000);
            client.Stop(5000);
        }
    }

    /// <summary>
    /// A flood into a half-open link fills the socket buffers until the publishing thread blocks in the transport's
    /// write (for up to its 30 s write timeout). The I/O thread must not wait behind that writer: it keeps reading
    /// and ticking, declares the link dead within 1.5 x KeepAlive of the silence, and closing the link releases the
    /// blocked writer. The test allows 3 x KeepAlive, far below the write timeout.
    /// </summary>
    [Fact]
    public void A_half_open_link_is_detected_while_a_flood_blocks_the_publishing_thread_in_its_write()
    {
        using var broker = PrivateBroker.StartNew();
        using var proxy = new FaultProxy(broker.Port);
        var clock = Stopwatch.StartNew();
        var handler = new TimelineHandler(clock);
        MqttClientOptions options = TestClient.DefaultOptions(TestTopics.UniqueClientId("flood"));
        options.Connect.KeepAliveSeconds = KeepAliveSeconds;
        options.Session.SendBufferSize = 16 * 1024;
        var client = new MqttClient(new TcpTransport(proxy.Host, proxy.Port), new SystemClock(), options, handler);
        client.Start();
        var flooding = new ManualResetEventSlim();
        var payload = new byte[1024];
        string topic = TestTopics.Unique("flood");
        var publisher = new Thread(() =>
        {
            while (client.Publish(topic, payload, 0, payload.Length, MqttQos.AtMostOnce, false) == MqttPublishResult.Accepted)
            {
                flooding.Set();
            }
        })
        { IsBackground = true, Name = "flood publisher" };

        try
        {
            Assert.True(client.WaitForConnection(KeepAliveMs * 10), "no first connection");
            proxy.GoSilent();
            long silentAt = clock.ElapsedMilliseconds;
            publisher.Start();
            Assert.True(flooding.Wait(TimelineHandler.Deadline), "the flood started");

            handler.WaitUntil((c, d) => d.Count > 0, "the half-open link to be noticed");
            TimedDisconnection noticed = handler.Disconnections[0];
            long detectionMs = noticed.AtMs - silentAt;
            Assert.True(publisher.Join(TimelineHandler.Deadline), "the blocked writer was released when the link was closed");

            output.WriteLine("flood into a silent link: noticed after " + detectionMs + " ms (" + noticed.Reason + ")");
            Assert.Equal(MqttError.KeepAliveTimeout, noticed.Reason);
            Assert.InRange(detectionMs, 0, 3 * KeepAliveMs);
        }
        finally
        {
            client.Stop(5000);
        }
    }
}
