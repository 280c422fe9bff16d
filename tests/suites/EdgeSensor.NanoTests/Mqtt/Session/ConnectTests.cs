using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>CONNECT out, CONNACK in: the session's connection, byte for byte.</summary>
[TestClass]
public class ConnectTests
{
    [TestMethod]
    public void ConnectCarriesEveryOptionAndConnackConnects()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Connect.CleanSession = false;
        b.Connect.UserName = "user";
        b.Connect.Password = new byte[] { 1, 2, 3 };
        b.Connect.WillTopic = "edgesensor/dev1/status";
        b.Connect.WillPayload = Ascii.Bytes("offline");
        b.Connect.WillQos = MqttQos.AtLeastOnce;
        b.Connect.WillRetain = true;

        byte[] connect = b.Open(false);

        // Level 4 [MQTT-3.1.2-2]; flags EC: user, password, will retain, will QoS 1, will, no clean session; keepalive 10;
        // then client id, will topic, will message, user name, password, each with its two-byte length.
        Wire.AreEqual(Wire.Join(Wire.Hex("103C0004"), Ascii.Bytes("MQTT"), Wire.Hex("04EC000A0004"), Ascii.Bytes("dev1"),
            Wire.Hex("0016"), Ascii.Bytes("edgesensor/dev1/status"), Wire.Hex("0007"), Ascii.Bytes("offline"),
            Wire.Hex("0004"), Ascii.Bytes("user"), Wire.Hex("0003010203")), connect, "CONNECT");
        Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
        b.Handler.AssertEvents(new string[] { RecordingHandler.Connected(false) });
    }

    [TestMethod]
    public void AClientIdAloneMakesTheShortestConnect()
    {
        Wire.AreEqual(Wire.Join(Wire.Hex("10100004"), Ascii.Bytes("MQTT"), Wire.Hex("0402000A0004"), Ascii.Bytes("dev1")), new ScriptedBroker().Open(), "CONNECT");
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    [DataRow(5)]
    public void ARefusedConnackClosesWithItsCode(int code)
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open(false, code);

        Assert.AreEqual((int)MqttSessionState.Disconnected, (int)b.Session.State, "state");
        Assert.AreEqual((int)MqttError.ConnectionRefused, (int)b.Session.LastError, "error");
        Assert.AreEqual(code, (int)b.Session.LastReturnCode, "code");
        b.Handler.AssertEvents(new string[] { RecordingHandler.Disconnected(MqttError.ConnectionRefused, (MqttConnectReturnCode)code) });
    }

    [TestMethod]
    public void ASessionClaimedAfterACleanSessionConnectIsAProtocolError()
    {
        // [MQTT-3.2.2-1]: after CleanSession 1 the broker must answer session present 0. Trusting a claimed session would
        // skip the SUBSCRIBEs, and the device would never hear a command (SubscribeTests: after CleanSession 0 it is trusted).
        ScriptedBroker b = new ScriptedBroker();
        b.Session.Subscribe("cmd/#", MqttQos.AtLeastOnce);
        b.Open(true);

        Assert.AreEqual((int)MqttSessionState.Disconnected, (int)b.Session.State, "state");
        Assert.AreEqual((int)MqttError.UnexpectedPacket, (int)b.Session.LastError, "error");
        b.Handler.AssertEvents(new string[] { RecordingHandler.Disconnected(MqttError.UnexpectedPacket, MqttConnectReturnCode.Accepted) });
    }

    [TestMethod]
    public void APacketBeforeConnackCloses()
    {
        // [MQTT-3.2.0-1]
        ScriptedBroker b = new ScriptedBroker();
        Assert.AreEqual((int)MqttError.None, (int)b.Session.Connect(b.Connect, 0), "connect");
        b.TakeOutput();
        b.SendPingresp();
        Assert.AreEqual((int)MqttError.UnexpectedPacket, (int)b.Session.LastError, "error");
    }

    [TestMethod]
    public void ASecondConnackIsAProtocolViolation()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.Receive(Wire.Connack(false, 0));
        Assert.AreEqual((int)MqttError.UnexpectedPacket, (int)b.Session.LastError, "error");
    }

    [TestMethod]
    public void NoConnackWithinTheConnectTimeoutCloses()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ConnectTimeoutMs = 5000 });
        b.Session.Connect(b.Connect, 0);
        b.Session.Tick(4999);
        Assert.AreEqual((int)MqttSessionState.Connecting, (int)b.Session.State, "state");
        Assert.AreEqual(1L, b.Session.MillisecondsUntilTick(4999), "until");
        b.Session.Tick(5000);
        Assert.AreEqual((int)MqttError.ConnectTimeout, (int)b.Session.LastError, "error");
    }

    [TestMethod]
    public void InvalidOptionsAreRefusedBeforeAnythingIsSent()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Connect.Password = new byte[] { 1 };
        Assert.AreEqual((int)MqttError.InvalidConnectFlags, (int)b.Session.Connect(b.Connect, 0), "password"); // [MQTT-3.1.2-22]
        b.Connect.Password = null;
        b.Connect.WillTopic = "a/+";
        Assert.AreEqual((int)MqttError.WildcardInTopicName, (int)b.Session.Connect(b.Connect, 0), "will");
        b.Connect.WillTopic = null;
        b.Connect.ClientId = "";
        b.Connect.CleanSession = false;
        Assert.AreEqual((int)MqttError.InvalidConnectFlags, (int)b.Session.Connect(b.Connect, 0), "id"); // [MQTT-3.1.3-7]
        b.Connect.CleanSession = true;
        b.Connect.UserName = new string('u', 65536);
        Assert.AreEqual((int)MqttError.StringTooLong, (int)b.Session.Connect(b.Connect, 0), "user"); // a two-byte length cannot say it
        b.Connect.UserName = "u";
        b.Connect.Password = new byte[65536];
        Assert.AreEqual((int)MqttError.StringTooLong, (int)b.Session.Connect(b.Connect, 0), "password");
        b.Connect.Password = null;
        b.Connect.WillTopic = "w";
        b.Connect.WillPayload = new byte[65536];
        Assert.AreEqual((int)MqttError.StringTooLong, (int)b.Session.Connect(b.Connect, 0), "will");
        Assert.AreEqual((int)MqttSessionState.Disconnected, (int)b.Session.State, "state");
        b.AssertNoOutput();
    }

    [TestMethod]
    public void DisconnectIsQueuedAndTheEndIsClosedByClient()
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        Assert.IsTrue(b.Session.Disconnect(), "queued");
        Wire.AreEqual(Wire.Empty(Wire.Disconnect), b.TakeOutput(), "DISCONNECT");
        b.Session.ConnectionLost();
        Assert.AreEqual((int)MqttError.ClosedByClient, (int)b.Session.LastError, "error");
    }
}
