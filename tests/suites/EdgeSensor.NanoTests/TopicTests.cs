using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests
{
    [TestClass]
    public class TopicTests
    {
        static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[MqttUtf8.ByteCount(text)];
            MqttUtf8.Encode(text, bytes, 0);
            return bytes;
        }

        static bool Matches(string filter, string topic)
        {
            byte[] f = Bytes(filter);
            byte[] t = Bytes(topic);
            return MqttTopic.Matches(f, 0, f.Length, t, 0, t.Length);
        }

        [TestMethod]
        public void WildcardsMatchAsSection47Says()
        {
            Assert.IsTrue(Matches("sport/tennis/player1/#", "sport/tennis/player1/ranking"), "multi-level");
            Assert.IsTrue(Matches("sport/#", "sport"), "# includes the parent level");
            Assert.IsTrue(Matches("sport/+/player1", "sport/tennis/player1"), "single level");
            Assert.IsFalse(Matches("sport/+", "sport/tennis/player1"), "+ is one level only");
            Assert.IsFalse(Matches("#", "$SYS/broker"), "[MQTT-4.7.2-1]");
        }

        [TestMethod]
        public void InvalidFiltersAreRefused()
        {
            byte[] misplacedHash = Bytes("sport/tennis#");
            byte[] partialPlus = Bytes("sport+");
            Assert.AreEqual((int)MqttError.InvalidTopicFilter, (int)MqttTopic.ValidateFilter(misplacedHash, 0, misplacedHash.Length), "[MQTT-4.7.1-2]");
            Assert.AreEqual((int)MqttError.InvalidTopicFilter, (int)MqttTopic.ValidateFilter(partialPlus, 0, partialPlus.Length), "[MQTT-4.7.1-3]");
        }
    }
}
