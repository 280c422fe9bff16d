using System.Threading;
using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>
/// The client's single writer turn seen from outside: one writer at a time, a writer blocked in the transport does
/// not stop the I/O thread, and whatever others queued meanwhile goes out after the holder's bytes.
/// </summary>
[TestClass]
public class ClientWriterTests
{
    [TestMethod]
    public void ABlockedWriterDoesNotStopKeepAlive()
    {
        // The I/O thread only tries for the turn: it keeps reading and ticking, and declares the link dead.
        ClientFixture f = new ClientFixture();
        Thread publisher = null;
        try
        {
            f.StartConnected();
            f.Transport.HoldWrites();
            publisher = Publisher.Start(f.Client, "a", 1, MqttQos.AtMostOnce);
            Assert.IsTrue(f.Transport.WaitForWriter(ClientFixture.Timeout), "writer");

            f.Advance(15000); // nothing received for 1.5 x keepalive
            Assert.AreEqual(RecordingHandler.Disconnected(MqttError.KeepAliveTimeout, MqttConnectReturnCode.Accepted), f.WaitForEvent(2), "event");
            f.Transport.ReleaseWrites();
            Assert.IsTrue(publisher.Join(ClientFixture.Timeout), "ended");
        }
        finally
        {
            f.Stop();
            if (publisher != null) publisher.Join(ClientFixture.Timeout);
        }
    }

    [TestMethod]
    public void WhatIsQueuedBehindABlockedWriterFollows()
    {
        ClientFixture f = new ClientFixture();
        Thread first = null, second = null;
        try
        {
            f.StartConnected();
            f.Transport.HoldWrites();
            first = Publisher.Start(f.Client, "a", 1, MqttQos.AtMostOnce);
            Assert.IsTrue(f.Transport.WaitForWriter(ClientFixture.Timeout), "writer");

            // A QoS 1 publish is written by its caller too; with the turn taken it waits for it. Polled, as no
            // event says it: the publish is queued (in the outbox, and copied to the send buffer).
            second = Publisher.Start(f.Client, "b", 1, MqttQos.AtLeastOnce);
            long deadline = System.DateTime.UtcNow.Ticks + ClientFixture.Timeout * System.TimeSpan.TicksPerMillisecond;
            while (f.Client.OutboxCount == 0 && System.DateTime.UtcNow.Ticks < deadline) Thread.Sleep(1);
            Assert.AreEqual(1, f.Client.OutboxCount, "outbox");
            Assert.AreEqual(1, f.Transport.WritersInside, "writers");
            f.Transport.ReleaseWrites();
            Assert.IsTrue(first.Join(ClientFixture.Timeout), "ended");
            Assert.IsTrue(second.Join(ClientFixture.Timeout), "ended");

            // Both PUBLISHes, in order, each once; never two writers at once.
            f.Expect(Wire.Join(Wire.PublishPacket("a", new byte[] { 0 }, 0, 0, false, false), Wire.PublishPacket("b", new byte[] { 0 }, 1, 1, false, false)), "PUBLISH");
            Assert.AreEqual(1, f.Transport.MostConcurrentWriters, "writers");
        }
        finally
        {
            f.Stop();
            if (first != null) first.Join(ClientFixture.Timeout);
            if (second != null) second.Join(ClientFixture.Timeout);
        }
    }

    [TestMethod]
    public void PublishersNeverWriteAtOnceAndKeepTheirOrder()
    {
        const int Each = 20;
        ClientFixture f = new ClientFixture();
        Thread a = null, b = null;
        try
        {
            f.StartConnected();
            f.Transport.HoldWrites();
            a = Publisher.Start(f.Client, "a", Each, MqttQos.AtMostOnce);
            b = Publisher.Start(f.Client, "b", Each, MqttQos.AtMostOnce);
            Assert.IsTrue(f.Transport.WaitForWriter(ClientFixture.Timeout), "writer");
            f.Transport.ReleaseWrites();
            Assert.IsTrue(a.Join(ClientFixture.Timeout), "ended");
            Assert.IsTrue(b.Join(ClientFixture.Timeout), "ended");

            byte[][] packets = Wire.Split(f.Transport.TakeAll());
            Assert.AreEqual(2 * Each, packets.Length, "packets");
            int nextA = 0, nextB = 0;
            for (int k = 0; k < packets.Length; k++)
            {
                byte[] p = packets[k];
                Assert.AreEqual(6, p.Length, "PUBLISH");
                if (Wire.Topic(p) == "a") Assert.AreEqual(nextA++, (int)p[5], "order");
                else Assert.AreEqual(nextB++, (int)p[5], "order");
            }
            Assert.AreEqual(1, f.Transport.MostConcurrentWriters, "writers");
        }
        finally
        {
            f.Stop();
            if (a != null) a.Join(ClientFixture.Timeout);
            if (b != null) b.Join(ClientFixture.Timeout);
        }
    }
}
