using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

public class KeepAliveTests
{
    [Fact]
    public void IdleConnection_SendsPingreqAfterTheKeepAlivePeriod_MQTT_3_1_2_23()
    {
        var b = new ScriptedBroker(); // keepalive 10 s
        b.Open();
        b.TakeOutput();

        b.Now = 9999;
        b.Session.Tick(b.Now);
        Assert.Empty(b.TakeOutput());

        b.Now = 10000;
        b.Session.Tick(b.Now);
        Assert.Equal(MqttPacketType.Pingreq, ScriptedBroker.Single(b.TakeOutput()).Type);

        b.Now = 10050;
        b.SendPingresp();
        b.Now = 19999;
        b.Session.Tick(b.Now);
        Assert.Empty(b.TakeOutput());
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
    }

    [Fact]
    public void NoAnswerToPingreq_DeclaresTheLinkDeadAtOneAndAHalfKeepAlives()
    {
        var b = new ScriptedBroker();
        b.Open();
        b.Now = 10000;
        b.Session.Tick(b.Now);
        b.TakeOutput();

        b.Now = 14999;
        b.Session.Tick(b.Now);
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
        Assert.Equal(1, b.Session.MillisecondsUntilTick(b.Now));

        b.Now = 15000;
        b.Session.Tick(b.Now);
        Assert.Equal(MqttError.KeepAliveTimeout, b.Session.LastError);
    }

    /// <summary>
    /// The half-open case: the application publishes all the time, so the client is never idle on the
    /// sending side, but nothing comes back. M2Mqtt and MQTTnet only ping when they have not sent, and never notice.
    /// </summary>
    [Fact]
    public void HalfOpenLink_IsDetectedWhilePublishingContinuously()
    {
        var b = new ScriptedBroker();
        b.Open();
        var payload = new byte[8];
        bool pinged = false;
        for (b.Now = 0; b.Session.State == MqttSessionState.Connected && b.Now < 60000; b.Now += 100)
        {
            Assert.Equal(MqttPublishResult.Accepted, b.Session.Publish("t", payload, 0, 8, MqttQos.AtMostOnce, false));
            b.Session.Tick(b.Now);
            foreach (var p in b.TakeOutput()) pinged |= p.Type == MqttPacketType.Pingreq;
        }
        Assert.True(pinged, "a PINGREQ must go out although the client is sending");
        Assert.Equal(MqttError.KeepAliveTimeout, b.Session.LastError);
        Assert.Equal(15100, b.Now); // detected on the first tick at 1.5 x keepalive after the last byte received
    }

    [Fact]
    public void AnyIncomingTraffic_KeepsTheLinkAlive()
    {
        var b = new ScriptedBroker();
        b.Open();
        for (b.Now = 0; b.Now < 60000; b.Now += 1000)
        {
            b.SendPublish("t", new byte[1], MqttQos.AtMostOnce, 0);
            b.Session.Tick(b.Now);
            foreach (var p in b.TakeOutput())
            {
                if (p.Type == MqttPacketType.Pingreq) b.SendPingresp();
            }
        }
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
    }

    [Fact]
    public void PingTimeout_IsConfigurable()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { PingTimeoutMs = 2000 });
        b.Open();
        b.Now = 11999;
        b.Session.Tick(b.Now);
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
        b.Now = 12000;
        b.Session.Tick(b.Now);
        Assert.Equal(MqttError.KeepAliveTimeout, b.Session.LastError);
    }

    [Fact]
    public void KeepAliveZero_TurnsTheMechanismOff()
    {
        var b = new ScriptedBroker();
        b.Connect.KeepAliveSeconds = 0;
        b.Open();
        b.Now = 10_000_000;
        b.Session.Tick(b.Now);
        Assert.Empty(b.TakeOutput());
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
    }
}
