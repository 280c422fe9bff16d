using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session
{
    /// <summary>CONNECT out, CONNACK in: the session's connection, byte for byte.</summary>
    [TestClass]
    public class ConnectTests
    {
        [TestMethod]
        public void ConnectCarriesEveryOptionAndAnAcceptedConnackConnects()
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

            // Level 4 [MQTT-3.1.2-2]; flags: user, password, will retain, will QoS 1, will, no clean session; keepalive 10.
            byte[] expected = Wire.Join(
                Wire.Join(new byte[] { 0x10, 60, 0, 4 }, Ascii.Bytes("MQTT"), new byte[] { 4, 0xEC, 0, 10, 0, 4 }),
                Wire.Join(Ascii.Bytes("dev1"), new byte[] { 0, 22 }, Ascii.Bytes("edgesensor/dev1/status")),
                Wire.Join(Wire.Join(new byte[] { 0, 7 }, Ascii.Bytes("offline"), new byte[] { 0, 4 }), Ascii.Bytes("user"), new byte[] { 0, 3, 1, 2, 3 }));
            Wire.AreEqual(expected, connect, "CONNECT");
            Assert.AreEqual((int)MqttSessionState.Connected, (int)b.Session.State, "state");
            b.Handler.AssertEvents(new string[] { RecordingHandler.Connected(false) });
        }

        [TestMethod]
        public void AClientIdOnlyConnectIsTheShortestCleanSession()
        {
            ScriptedBroker b = new ScriptedBroker();
            Wire.AreEqual("101000044D5154540402000A000464657631", b.Open(), "CONNECT");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        public void ARefusedConnackSurfacesAsConnectionRefusedWithItsCode(int code)
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open(false, code);

            Assert.AreEqual((int)MqttSessionState.Disconnected, (int)b.Session.State, "state");
            Assert.AreEqual((int)MqttError.ConnectionRefused, (int)b.Session.LastError, "error");
            Assert.AreEqual(code, (int)b.Session.LastReturnCode, "code");
            b.Handler.AssertEvents(new string[] { RecordingHandler.Disconnected(MqttError.ConnectionRefused, (MqttConnectReturnCode)code) });
        }

        [TestMethod]
        public void APacketBeforeConnackClosesTheConnection()
        {
            ScriptedBroker b = new ScriptedBroker();
            Assert.AreEqual((int)MqttError.None, (int)b.Session.Connect(b.Connect, 0), "Connect");
            b.TakeOutput();
            b.SendPingresp();
            Assert.AreEqual((int)MqttError.UnexpectedPacket, (int)b.Session.LastError, "[MQTT-3.2.0-1]");
        }

        [TestMethod]
        public void ASecondConnackIsAProtocolViolation()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            b.Receive(new byte[] { 0x20, 0x02, 0x00, 0x00 });
            Assert.AreEqual((int)MqttError.UnexpectedPacket, (int)b.Session.LastError, "error");
        }

        [TestMethod]
        public void NoConnackWithinTheConnectTimeoutCloses()
        {
            ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ConnectTimeoutMs = 5000 });
            b.Session.Connect(b.Connect, 0);
            b.Session.Tick(4999);
            Assert.AreEqual((int)MqttSessionState.Connecting, (int)b.Session.State, "at 4999 ms");
            Assert.AreEqual(1L, b.Session.MillisecondsUntilTick(4999), "until the timeout");
            b.Session.Tick(5000);
            Assert.AreEqual((int)MqttError.ConnectTimeout, (int)b.Session.LastError, "at 5000 ms");
        }

        [TestMethod]
        public void InvalidOptionsAreRefusedBeforeAnythingIsSent()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Connect.Password = new byte[] { 1 };
            Assert.AreEqual((int)MqttError.InvalidConnectFlags, (int)b.Session.Connect(b.Connect, 0), "[MQTT-3.1.2-22]");
            b.Connect.Password = null;
            b.Connect.WillTopic = "a/+";
            Assert.AreEqual((int)MqttError.WildcardInTopicName, (int)b.Session.Connect(b.Connect, 0), "will topic");
            b.Connect.WillTopic = null;
            b.Connect.ClientId = "";
            b.Connect.CleanSession = false;
            Assert.AreEqual((int)MqttError.InvalidConnectFlags, (int)b.Session.Connect(b.Connect, 0), "[MQTT-3.1.3-7]");
            b.Connect.CleanSession = true;
            b.Connect.UserName = new string('u', 65536);
            Assert.AreEqual((int)MqttError.StringTooLong, (int)b.Session.Connect(b.Connect, 0), "user name"); // a two-byte length cannot say it
            b.Connect.UserName = "u";
            b.Connect.Password = new byte[65536];
            Assert.AreEqual((int)MqttError.StringTooLong, (int)b.Session.Connect(b.Connect, 0), "password");
            b.Connect.Password = null;
            b.Connect.WillTopic = "w";
            b.Connect.WillPayload = new byte[65536];
            Assert.AreEqual((int)MqttError.StringTooLong, (int)b.Session.Connect(b.Connect, 0), "will payload");
            Assert.AreEqual((int)MqttSessionState.Disconnected, (int)b.Session.State, "state");
            b.AssertNoOutput();
        }

        [TestMethod]
        public void DisconnectQueuesDisconnectAndTheConnectionEndsAsClosedByClient()
        {
            ScriptedBroker b = new ScriptedBroker();
            b.Open();
            Assert.IsTrue(b.Session.Disconnect(), "Disconnect");
            Wire.AreEqual("E000", b.TakeOutput(), "DISCONNECT");
            b.Session.ConnectionLost();
            Assert.AreEqual((int)MqttError.ClosedByClient, (int)b.Session.LastError, "error");
        }
    }
}
