using System.Text;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

public class ConnectTests
{
    [Fact]
    public void Connect_WritesConnectWithEveryOption_AndConnackAcceptedConnects()
    {
        var b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Connect.UserName = "user";
        b.Connect.Password = new byte[] { 1, 2, 3 };
        b.Connect.WillTopic = "edgesensor/dev1/status";
        b.Connect.WillPayload = Encoding.UTF8.GetBytes("offline");
        b.Connect.WillQos = MqttQos.AtLeastOnce;
        b.Connect.WillRetain = true;

        var connect = b.Open(sessionPresent: false).Raw;

        Assert.Equal(4, connect.ProtocolLevel);
        Assert.False(connect.CleanSession);
        Assert.Equal(10, connect.KeepAliveSeconds);
        Assert.True(connect.HasWill && connect.WillRetain && connect.HasUserName && connect.HasPassword);
        Assert.Equal(MqttQos.AtLeastOnce, connect.WillQos);
        Assert.Equal(MqttSessionState.Connected, b.Session.State);
        Assert.Equal(new[] { "connected sp=False" }, b.Handler.Events);
    }

    [Theory]
    [InlineData(MqttConnectReturnCode.UnacceptableProtocolVersion)]
    [InlineData(MqttConnectReturnCode.IdentifierRejected)]
    [InlineData(MqttConnectReturnCode.ServerUnavailable)]
    [InlineData(MqttConnectReturnCode.BadUserNameOrPassword)]
    [InlineData(MqttConnectReturnCode.NotAuthorized)]
    public void RefusedConnack_SurfacesAsNamedError(MqttConnectReturnCode code)
    {
        var b = new ScriptedBroker();
        b.Open(code: code);

        Assert.Equal(MqttSessionState.Disconnected, b.Session.State);
        Assert.Equal(MqttError.ConnectionRefused, b.Session.LastError);
        Assert.Equal(code, b.Session.LastReturnCode);
        Assert.Equal(new[] { "disconnected ConnectionRefused " + code }, b.Handler.Events);
    }

    [Fact]
    public void PacketBeforeConnack_ClosesTheConnection_MQTT_3_2_0_1()
    {
        var b = new ScriptedBroker();
        Assert.Equal(MqttError.None, b.Session.Connect(b.Connect, 0));
        b.TakeOutput();
        b.SendPingresp();
        Assert.Equal(MqttError.UnexpectedPacket, b.Session.LastError);
    }

    [Fact]
    public void SecondConnack_IsAProtocolViolation()
    {
        var b = new ScriptedBroker();
        b.Open();
        var bytes = new byte[4];
        BrokerEncoder.Connack(bytes, 0, false, MqttConnectReturnCode.Accepted);
        b.Session.Receive(bytes, 0, 4, b.Now);
        Assert.Equal(MqttError.UnexpectedPacket, b.Session.LastError);
    }

    [Fact]
    public void NoConnackWithinTheConnectTimeout_Closes()
    {
        var b = new ScriptedBroker(new MqttSessionOptions { ConnectTimeoutMs = 5000 });
        b.Session.Connect(b.Connect, 0);
        b.Session.Tick(4999);
        Assert.Equal(MqttSessionState.Connecting, b.Session.State);
        Assert.Equal(1, b.Session.MillisecondsUntilTick(4999));
        b.Session.Tick(5000);
        Assert.Equal(MqttError.ConnectTimeout, b.Session.LastError);
    }

    [Fact]
    public void InvalidOptions_AreRefusedBeforeAnythingIsSent()
    {
        var b = new ScriptedBroker();
        b.Connect.Password = new byte[] { 1 };
        Assert.Equal(MqttError.InvalidConnectFlags, b.Session.Connect(b.Connect, 0)); // [MQTT-3.1.2-22]
        b.Connect.Password = null;
        b.Connect.WillTopic = "a/+";
        Assert.Equal(MqttError.WildcardInTopicName, b.Session.Connect(b.Connect, 0));
        b.Connect.WillTopic = null;
        b.Connect.ClientId = "";
        b.Connect.CleanSession = false;
        Assert.Equal(MqttError.InvalidConnectFlags, b.Session.Connect(b.Connect, 0)); // [MQTT-3.1.3-7]
        b.Connect.CleanSession = true;
        b.Connect.UserName = new string('u', 65536);
        Assert.Equal(MqttError.StringTooLong, b.Session.Connect(b.Connect, 0)); // a two-byte length cannot say it
        b.Connect.UserName = "u";
        b.Connect.Password = new byte[65536];
        Assert.Equal(MqttError.StringTooLong, b.Session.Connect(b.Connect, 0));
        b.Connect.Password = null;
        b.Connect.WillTopic = "w";
        b.Connect.WillPayload = new byte[65536];
        Assert.Equal(MqttError.StringTooLong, b.Session.Connect(b.Connect, 0));
        Assert.Equal(MqttSessionState.Disconnected, b.Session.State);
        Assert.Equal(0, b.Session.GetOutput(out _, out _));
    }

    [Fact]
    public void Disconnect_QueuesDisconnectAndConnectionLostEndsClean()
    {
        var b = new ScriptedBroker();
        b.Open();
        Assert.True(b.Session.Disconnect());
        Assert.Equal(MqttPacketType.Disconnect, ScriptedBroker.Single(b.TakeOutput()).Type);
        b.Session.ConnectionLost();
        Assert.Equal(MqttError.ClosedByClient, b.Session.LastError);
    }
}
