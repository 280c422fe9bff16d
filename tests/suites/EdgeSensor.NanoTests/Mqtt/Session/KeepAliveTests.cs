using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>Keepalive [MQTT-3.1.2-23] with fake time: PINGREQ when idle, a dead link at KeepAlive + PingTimeout of silence.</summary>
[TestClass]
public class KeepAliveTests
{
    [TestMethod]
    public void AnIdleConnectionPingsAfterTheKeepAlive()
    {
        ScriptedBroker b = new ScriptedBroker(); // keepalive 10 s
        b.Open();
        b.TakeOutput();

        b.Now = 9999;
        b.Session.Tick(b.Now);
        b.AssertNoOutput();

        b.Now = 10000;
        b.Session.Tick(b.Now);
        Wire.AreEqual(Wire.Empty(Wire.Pingreq), b.TakeOutput(), "PINGREQ");

        b.Now = 10050;
        b.SendPingresp();
        b.Now = 19999;
        b.Session.Tick(b.Now);
        b.AssertNoOutput();
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
    }

    [TestMethod]
    public void NoPingrespMeansDeadAtOneAndAHalfKeepAlives()
    {
        // [MQTT-3.1.2-24]
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.Now = 10000;
        b.Session.Tick(b.Now);
        b.TakeOutput();

        b.Now = 14999;
        b.Session.Tick(b.Now);
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
        Assert.AreEqual(1L, b.Session.MillisecondsUntilTick(b.Now), "until");

        b.Now = 15000;
        b.Session.Tick(b.Now);
        Assert.AreEqual((int)MqttError.KeepAliveTimeout, (int)b.Session.LastError, "error");
    }

    /// <summary>
    /// The half-open case: the application publishes all the time, so the client is never idle on the sending side,
    /// but nothing comes back. Clients that only ping when they have not sent never notice.
    /// </summary>
    [TestMethod]
    public void AHalfOpenLinkIsFoundWhilePublishing()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        byte[] payload = new byte[8];
        bool pinged = false;
        for (b.Now = 0; b.Session.State == MqttSessionState.Connected && b.Now < 60000; b.Now += 100)
        {
            Assert.AreEqual((int)MqttPublishResult.Accepted, (int)b.Session.Publish("t", payload, 0, 8, MqttQos.AtMostOnce, false), "publish");
            b.Session.Tick(b.Now);
            pinged |= Wire.Count(b.TakePackets(), Wire.Pingreq) > 0;
        }
        Assert.IsTrue(pinged, "PINGREQ"); // although sending
        Assert.AreEqual((int)MqttError.KeepAliveTimeout, (int)b.Session.LastError, "error");
        Assert.AreEqual(15100L, b.Now, "time"); // the first tick at 1.5 x keepalive after the last byte received
    }

    [TestMethod]
    public void AnyIncomingTrafficKeepsTheLinkAlive()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        for (b.Now = 0; b.Now < 60000; b.Now += 1000)
        {
            b.SendPublish("t", new byte[1], 0, 0);
            b.Session.Tick(b.Now);
            if (Wire.Count(b.TakePackets(), Wire.Pingreq) > 0) b.SendPingresp();
        }
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
    }

    [TestMethod]
    public void ThePingTimeoutIsConfigurable()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { PingTimeoutMs = 2000 });
        b.Open();
        b.Now = 11999;
        b.Session.Tick(b.Now);
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
        b.Now = 12000;
        b.Session.Tick(b.Now);
        Assert.AreEqual((int)MqttError.KeepAliveTimeout, (int)b.Session.LastError, "error");
    }

    [TestMethod]
    public void KeepAliveZeroTurnsItOff()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Connect.KeepAliveSeconds = 0;
        b.Open();
        b.Now = 10000000;
        b.Session.Tick(b.Now);
        b.AssertNoOutput();
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
    }
}
