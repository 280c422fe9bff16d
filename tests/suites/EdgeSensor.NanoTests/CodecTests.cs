using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests
{
    /// <summary>The codec on the device's own runtime: the desktop suite covers it in depth, this proves it runs there.</summary>
    [TestClass]
    public class CodecTests
    {
        [TestMethod]
        public void Qos1PublishRoundTrips()
        {
            byte[] buffer = new byte[64];
            byte[] payload = new byte[] { 1, 2, 3 };
            int length = MqttEncoder.Publish(buffer, 0, "a/b", 7, MqttQos.AtLeastOnce, true, false, payload, 0, 3);
            MqttPacket packet = new MqttPacket();

            Assert.AreEqual((int)MqttError.None, (int)MqttDecoder.Decode(buffer, 0, length, packet), "decodes");
            Assert.AreEqual(7, packet.PacketId, "packet id");
            Assert.IsTrue(packet.Retain, "retain");
            Assert.AreEqual(3, packet.TopicLength, "topic length");
            Assert.AreEqual(3, packet.PayloadLength, "payload length");
        }

        [TestMethod]
        public void FifthRemainingLengthByteIsMalformed()
        {
            byte[] bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x01 };
            int value;
            Assert.AreEqual(-1, RemainingLength.TryRead(bytes, 0, bytes.Length, out value), "MQTT 3.1.1 section 2.2.3");
        }

        [TestMethod]
        public void PubrelWithoutItsReservedFlagIsRefused()
        {
            byte[] bytes = new byte[] { 0x60, 0x02, 0x00, 0x01 };
            Assert.AreEqual((int)MqttError.ReservedFlags, (int)MqttDecoder.Decode(bytes, 0, 4, new MqttPacket()), "[MQTT-2.2.2-1]");
        }

        [TestMethod]
        public void ConnectEncodesProtocolLevelFour()
        {
            byte[] buffer = new byte[64];
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = "nano";
            int length = MqttEncoder.Connect(buffer, 0, options);
            // The device decodes only what a broker sends: the CONNECT is checked byte by byte instead.
            byte[] expected = new byte[] { 0x10, 16, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 60, 0, 4, (byte)'n', (byte)'a', (byte)'n', (byte)'o' };

            Assert.AreEqual(expected.Length, length, "length");
            int firstByte;
            int remaining;
            Assert.AreEqual(2, MqttDecoder.TryReadFixedHeader(buffer, 0, length, out firstByte, out remaining), "fixed header");
            Assert.AreEqual(length - 2, remaining, "remaining length");
            Assert.AreEqual((int)MqttError.None, (int)MqttDecoder.CheckFirstByte(firstByte), "first byte");
            Assert.AreEqual(4, (int)buffer[8], "[MQTT-3.1.2-2]");
            Assert.AreEqual(4, BigEndian.ReadUInt16(buffer, 12), "client id");
            for (int i = 0; i < expected.Length; i++) Assert.AreEqual((int)expected[i], (int)buffer[i], "byte " + i.ToString());
        }
    }
}
