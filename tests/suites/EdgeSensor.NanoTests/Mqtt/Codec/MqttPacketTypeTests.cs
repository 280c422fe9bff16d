using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>Packet types are the fixed header's upper nibble (MQTT 3.1.1 section 2.2.1, table 2.1).</summary>
[TestClass]
public class MqttPacketTypeTests
{
    [TestMethod]
    public void PacketTypesHaveTheValuesOfTheSpecification()
    {
        Assert.AreEqual((byte)1, (byte)MqttPacketType.Connect, "CONNECT");
        Assert.AreEqual((byte)2, (byte)MqttPacketType.Connack, "CONNACK");
        Assert.AreEqual((byte)3, (byte)MqttPacketType.Publish, "PUBLISH");
        Assert.AreEqual((byte)4, (byte)MqttPacketType.Puback, "PUBACK");
        Assert.AreEqual((byte)5, (byte)MqttPacketType.Pubrec, "PUBREC");
        Assert.AreEqual((byte)6, (byte)MqttPacketType.Pubrel, "PUBREL");
        Assert.AreEqual((byte)7, (byte)MqttPacketType.Pubcomp, "PUBCOMP");
        Assert.AreEqual((byte)8, (byte)MqttPacketType.Subscribe, "SUBSCRIBE");
        Assert.AreEqual((byte)9, (byte)MqttPacketType.Suback, "SUBACK");
        Assert.AreEqual((byte)10, (byte)MqttPacketType.Unsubscribe, "UNSUBSCRIBE");
        Assert.AreEqual((byte)11, (byte)MqttPacketType.Unsuback, "UNSUBACK");
        Assert.AreEqual((byte)12, (byte)MqttPacketType.Pingreq, "PINGREQ");
        Assert.AreEqual((byte)13, (byte)MqttPacketType.Pingresp, "PINGRESP");
        Assert.AreEqual((byte)14, (byte)MqttPacketType.Disconnect, "DISCONNECT");
    }

    [TestMethod]
    public void QosLevelsAreTheTwoBitValuesOfTheSpecification()
    {
        Assert.AreEqual((byte)0, (byte)MqttQos.AtMostOnce, "QoS 0");
        Assert.AreEqual((byte)1, (byte)MqttQos.AtLeastOnce, "QoS 1");
        Assert.AreEqual((byte)2, (byte)MqttQos.ExactlyOnce, "QoS 2");
    }
}
