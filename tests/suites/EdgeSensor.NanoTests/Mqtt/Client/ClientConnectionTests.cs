using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>The client's connection over an in-memory transport: connect, keepalive on a fake clock, reconnect, stop.</summary>
[TestClass]
public class ClientConnectionTests
{
    static string Lost(MqttError reason) => RecordingHandler.Disconnected(reason, MqttConnectReturnCode.Accepted);

    [TestMethod]
    public void ConnectThenConnackConnects()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.Start();
            f.ExpectConnect();
            Assert.IsFalse(f.Client.IsConnected, "connected");
            f.Accept(false);
            Assert.IsTrue(f.Client.IsConnected, "connected");
            f.Handler.AssertEvents(new string[] { RecordingHandler.Connected(false) });
            Assert.AreEqual(1, f.Transport.Opens, "opens");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void ARefusedConnackIsReportedAndRetried()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.Start();
            f.ExpectConnect();
            f.Transport.Deliver(Wire.Connack(false, 5));
            Assert.AreEqual(RecordingHandler.Disconnected(MqttError.ConnectionRefused, MqttConnectReturnCode.NotAuthorized), f.WaitForEvent(1), "event");
            f.ExpectConnect();
            f.Accept(false);
            Assert.AreEqual(RecordingHandler.Connected(false), f.WaitForEvent(2), "event");
            Assert.AreEqual(2, f.Transport.Opens, "opens");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AFailedOpenIsConnectFailedEachAttempt()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.Transport.FailOpens = 2;
            f.Start();
            Assert.AreEqual(Lost(MqttError.ConnectFailed), f.WaitForEvent(1), "event");
            Assert.AreEqual(Lost(MqttError.ConnectFailed), f.WaitForEvent(2), "event");
            Assert.AreEqual(MemoryTransport.Refusal, f.Client.LastTransportError, "reason");
            f.ExpectConnect();
            f.Accept(false);
            Assert.AreEqual(2, f.Client.ConnectionAttempts, "attempts");
            Assert.AreEqual(3, f.Transport.Opens, "opens");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AnIdleClientPingsOnTheFakeClock()
    {
        // [MQTT-3.1.2-23]
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Advance(10000);
            f.Expect(Wire.Empty(Wire.Pingreq), "PINGREQ");
            f.Transport.Deliver(Wire.Pingresp());
            // Read before the clock moves on: taken at 20 s with nothing read since CONNACK, the link would be dead.
            Assert.IsTrue(f.Transport.WaitForDrained(ClientFixture.Timeout), "read");
            f.Advance(10000);
            f.Expect(Wire.Empty(Wire.Pingreq), "PINGREQ");
            Assert.IsTrue(f.Client.IsConnected, "connected");
            Assert.AreEqual(1, f.Handler.EventCount, "events");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void ASilentBrokerIsDeadAndTheClientReconnects()
    {
        // Dead at 1.5 x keepalive [MQTT-3.1.2-24].
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Advance(10000);
            f.Expect(Wire.Empty(Wire.Pingreq), "PINGREQ");
            f.Advance(5000);
            Assert.AreEqual(Lost(MqttError.KeepAliveTimeout), f.WaitForEvent(2), "event");
            f.ExpectConnect();
            f.Accept(false);
            Assert.AreEqual(2, f.Transport.Opens, "opens");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void NoConnackInTimeEndsTheAttempt()
    {
        ClientFixture f = new ClientFixture();
        f.Options.Session.ConnectTimeoutMs = 3000;
        try
        {
            f.Start();
            f.ExpectConnect();
            f.Advance(3000);
            Assert.AreEqual(Lost(MqttError.ConnectTimeout), f.WaitForEvent(1), "event");
            f.ExpectConnect();
            f.Accept(false);
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void APeerThatClosesMakesTheClientReconnect()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Transport.CloseFromPeer();
            Assert.AreEqual(Lost(MqttError.TransportClosed), f.WaitForEvent(2), "event");
            Assert.IsFalse(f.Client.IsConnected, "connected");
            f.ExpectConnect();
            f.Accept(false);
            f.Handler.AssertEvents(new string[] { RecordingHandler.Connected(false), Lost(MqttError.TransportClosed), RecordingHandler.Connected(false) });
            Assert.AreEqual(2, f.Transport.Opens, "opens");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AFailedWriteEndsTheConnection()
    {
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Transport.FailWrites = 1;
            f.Client.Publish("t/0", new byte[] { 1, 2 }, 0, 2, MqttQos.AtMostOnce, false);
            Assert.AreEqual(Lost(MqttError.TransportClosed), f.WaitForEvent(2), "event");
            f.ExpectConnect();
            f.Accept(false);
            Assert.AreEqual((int)MqttPublishResult.Accepted, (int)f.Client.Publish("t/0", new byte[] { 3 }, 0, 1, MqttQos.AtMostOnce, false), "result");
            // Only the new PUBLISH: QoS 0 is at most once.
            f.Expect(Wire.PublishPacket("t/0", new byte[] { 3 }, 0, 0, false, false), "PUBLISH");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void StopWritesDisconnectThenCloses()
    {
        // DISCONNECT before the close, or the broker publishes the will [MQTT-3.1.2-10].
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Client.Stop(ClientFixture.Timeout);
            byte[] disconnect = Wire.Empty(Wire.Disconnect);
            f.Expect(disconnect, "DISCONNECT");
            Wire.AreEqual(disconnect, f.Transport.WrittenAt(f.Transport.WrittenAtFirstClose - 2, 2), "DISCONNECT");
            Assert.AreEqual(0, f.Transport.Untaken, "output");
            Assert.IsFalse(f.Transport.Reader.IsAlive, "ended");
            Assert.AreEqual(1, f.Transport.Opens, "opens");
            Assert.IsFalse(f.Client.IsConnected, "connected");
        }
        finally { f.Stop(); }
    }

    [TestMethod]
    public void AbortClosesWithoutDisconnect()
    {
        // As a power cut would: the broker publishes the will.
        ClientFixture f = new ClientFixture();
        try
        {
            f.StartConnected();
            f.Client.Abort(ClientFixture.Timeout);
            Assert.AreEqual(f.ConnectPacket.Length, f.Transport.WrittenAtFirstClose, "output");
            Assert.AreEqual(0, f.Transport.Untaken, "output");
            Assert.AreEqual(Lost(MqttError.TransportClosed), f.WaitForEvent(2), "event");
            Assert.IsFalse(f.Transport.Reader.IsAlive, "ended");
        }
        finally { f.Stop(); }
    }
}
