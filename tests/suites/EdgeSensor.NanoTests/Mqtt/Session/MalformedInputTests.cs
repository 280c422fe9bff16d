using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>A malformed packet from the network closes the connection with a reason the application can read [MQTT-4.8.0-1].</summary>
[TestClass]
public class MalformedInputTests
{
    [TestMethod]
    [DataRow((int)MqttError.MalformedRemainingLength, "30FFFFFFFF01")]
    [DataRow((int)MqttError.ReservedFlags, "41020001")]                 // PUBACK with flags [MQTT-2.2.2-2]
    [DataRow((int)MqttError.InvalidQos, "36050001610001")]             // QoS 3 [MQTT-3.3.1-4]
    [DataRow((int)MqttError.DupOnQos0, "3803000161")]                  // [MQTT-3.3.1-2]
    [DataRow((int)MqttError.ZeroPacketId, "40020000")]                 // [MQTT-2.3.1-1]
    [DataRow((int)MqttError.WildcardInTopicName, "3003000123")]        // [MQTT-3.3.2-2]
    [DataRow((int)MqttError.InvalidUtf8, "30040002C080")]              // [MQTT-1.5.3-1]
    [DataRow((int)MqttError.UnknownSubackCode, "9003000103")]          // [MQTT-3.9.3-2]
    [DataRow((int)MqttError.UnexpectedPacket, "8206000100016100")]     // SUBSCRIBE from a server
    [DataRow((int)MqttError.UnknownPacketType, "F000")]
    [DataRow((int)MqttError.PacketTooLong, "D00100")]                  // PINGRESP with a body
    public void AMalformedPacketClosesWithItsReason(int expected, string hex)
    {
        ScriptedBroker b = new ScriptedBroker();
        b.Open();
        b.Receive(Wire.Hex(hex));
        Assert.AreEqual((int)MqttSessionState.Disconnected, (int)b.Session.State, "state");
        Assert.AreEqual(expected, (int)b.Session.LastError, "error");
        Assert.AreEqual(RecordingHandler.Disconnected((MqttError)expected, MqttConnectReturnCode.Accepted), b.Handler.LastEvent, "event");
    }

    [TestMethod]
    public void AnOversizedNonPublishPacketCloses()
    {
        ScriptedBroker b = new ScriptedBroker(new MqttSessionOptions { ReceiveBufferSize = 64 });
        b.Open();
        b.Receive(Wire.Hex("90FFFF7F")); // a SUBACK announcing 2 MiB
        Assert.AreEqual((int)MqttError.PacketTooLong, (int)b.Session.LastError, "error");
    }
}
