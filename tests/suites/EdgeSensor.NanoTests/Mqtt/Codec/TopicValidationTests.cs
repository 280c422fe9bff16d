using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>
/// Topic names and topic filters, MQTT 3.1.1 section 4.7. Rows are text with any other bytes written as
/// &lt;hex&gt; (<see cref="Utf8Text"/>): "sport/&lt;e2 82 ac&gt;" is "sport/" and U+20AC.
/// </summary>
[TestClass]
public class TopicValidationTests
{
    [TestMethod]
    [DataRow("sport/tennis/player1")]
    [DataRow("sport")]
    [DataRow("/")] // one separator: two empty levels
    [DataRow("/finance")] // leading separator [4.7.3 example]
    [DataRow("finance/")]
    [DataRow("a//b")] // empty level
    [DataRow("Accounts payable")] // space allowed [4.7.3 example]
    [DataRow("ACCOUNTS")]
    [DataRow("$SYS/broker/load")] // $ names are still names
    [DataRow("sport/<e2 82 ac>/<f0 9f 98 80>")] // multi-byte characters
    [DataRow("<ef bb bf>")] // U+FEFF alone [MQTT-1.5.3-3]
    public void ValidateNameAccepts(string name)
    {
        // Wildcards around the name would make it invalid if they were read.
        byte[] padded = PacketBytes.Between(Ascii.Bytes("+"), Utf8Text.Bytes(name), Ascii.Bytes("#"), out int offset);

        Assert.AreEqual((int)MqttError.None, (int)MqttTopic.ValidateName(padded, offset, padded.Length - 2), name);
    }

    [TestMethod]
    [DataRow("", (int)MqttError.EmptyTopic)] // [MQTT-4.7.3-1]
    [DataRow("sport/+", (int)MqttError.WildcardInTopicName)] // [MQTT-3.3.2-2] [MQTT-4.7.1-1]
    [DataRow("sport/#", (int)MqttError.WildcardInTopicName)] // [MQTT-3.3.2-2] [MQTT-4.7.1-1]
    [DataRow("+", (int)MqttError.WildcardInTopicName)] // [MQTT-4.7.1-1]
    [DataRow("#", (int)MqttError.WildcardInTopicName)] // [MQTT-4.7.1-1]
    [DataRow("sport+", (int)MqttError.WildcardInTopicName)] // wildcard inside a level [MQTT-4.7.1-1]
    [DataRow("a#b", (int)MqttError.WildcardInTopicName)] // [MQTT-4.7.1-1]
    [DataRow("a<00>b", (int)MqttError.InvalidUtf8)] // U+0000 [MQTT-4.7.3-2] [MQTT-1.5.3-2]
    public void ValidateNameRefuses(string name, int expected)
    {
        byte[] bytes = Utf8Text.Bytes(name);

        Assert.AreEqual(expected, (int)MqttTopic.ValidateName(bytes, 0, bytes.Length), name);
    }

    [TestMethod]
    [DataRow("73 2F C0 80")] // overlong NUL [MQTT-1.5.3-1]
    [DataRow("73 2F ED A0 80")] // encoded surrogate [MQTT-1.5.3-1]
    [DataRow("73 2F F0 9F 98")] // truncated sequence [MQTT-1.5.3-1]
    public void TopicsRefuseIllFormedUtf8(string hex)
    {
        byte[] body = PacketBytes.Hex(hex);

        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttTopic.ValidateName(body, 0, body.Length), "name " + hex);
        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttTopic.ValidateFilter(body, 0, body.Length), "filter " + hex);
    }

    [TestMethod]
    public void NamesAndFiltersAreLimitedTo65535Bytes()
    {
        byte[] tooLong = PacketBytes.Filled(65536, (byte)'a');

        Assert.AreEqual((int)MqttError.None, (int)MqttTopic.ValidateName(tooLong, 0, 65535), "name of 65535");
        Assert.AreEqual((int)MqttError.None, (int)MqttTopic.ValidateFilter(tooLong, 0, 65535), "filter of 65535");
        Assert.AreEqual((int)MqttError.StringTooLong, (int)MqttTopic.ValidateName(tooLong, 0, tooLong.Length), "[MQTT-4.7.3-3]");
        Assert.AreEqual((int)MqttError.StringTooLong, (int)MqttTopic.ValidateFilter(tooLong, 0, tooLong.Length), "[MQTT-4.7.3-3]");
    }

    [TestMethod]
    [DataRow("#")] // receives every message [4.7.1.2]
    [DataRow("sport/tennis/#")] // [4.7.1.2]
    [DataRow("sport/tennis/player1/#")] // [4.7.1.2]
    [DataRow("sport/#")] // [4.7.1.2]
    [DataRow("+")] // [4.7.1.3]
    [DataRow("+/tennis/#")] // [4.7.1.3]
    [DataRow("sport/+/player1")] // [4.7.1.3]
    [DataRow("sport/tennis/+")] // [4.7.1.3]
    [DataRow("+/+")] // [4.7.1.3]
    [DataRow("/+")] // [4.7.1.3]
    [DataRow("+/#")]
    [DataRow("/#")]
    [DataRow("+/+/+/#")]
    [DataRow("$SYS/#")] // [4.7.2]
    [DataRow("$SYS/monitor/+")] // [4.7.2]
    [DataRow("//")] // empty levels
    [DataRow("a/+/")] // + then an empty last level
    [DataRow("sport/tennis")] // no wildcard
    [DataRow("<e2 82 ac>/+/<f0 9f 98 80>")] // multi-byte characters
    public void ValidateFilterAccepts(string filter)
    {
        byte[] padded = PacketBytes.Between(Ascii.Bytes("x"), Utf8Text.Bytes(filter), Ascii.Bytes("+#"), out int offset);

        Assert.AreEqual((int)MqttError.None, (int)MqttTopic.ValidateFilter(padded, offset, padded.Length - 3), filter);
    }

    [TestMethod]
    [DataRow("sport/tennis#")] // [MQTT-4.7.1-2] # must follow a separator [4.7.1.2]
    [DataRow("sport/tennis/#/ranking")] // [MQTT-4.7.1-2] # must be last [4.7.1.2]
    [DataRow("#/")] // [MQTT-4.7.1-2] # must be the last character
    [DataRow("##")] // [MQTT-4.7.1-2]
    [DataRow("#a")] // [MQTT-4.7.1-2]
    [DataRow("a/#b")] // [MQTT-4.7.1-2]
    [DataRow("+#")] // [MQTT-4.7.1-2] [MQTT-4.7.1-3]
    [DataRow("sport+")] // [MQTT-4.7.1-3] + must occupy a whole level [4.7.1.3]
    [DataRow("+sport")] // [MQTT-4.7.1-3]
    [DataRow("sport/+tennis/x")] // [MQTT-4.7.1-3]
    [DataRow("sport/ten+nis")] // [MQTT-4.7.1-3]
    [DataRow("++")] // [MQTT-4.7.1-3]
    [DataRow("a/++/b")] // [MQTT-4.7.1-3]
    public void FilterRefusesMisplacedWildcards(string filter)
    {
        // Padding made of separators would excuse a wildcard if it were read.
        byte[] padded = PacketBytes.Between(Ascii.Bytes("/"), Ascii.Bytes(filter), Ascii.Bytes("/"), out int offset);

        Assert.AreEqual((int)MqttError.InvalidTopicFilter, (int)MqttTopic.ValidateFilter(padded, offset, padded.Length - 2), filter);
    }

    [TestMethod]
    public void ValidateFilterRefusesEmptyAndNul()
    {
        byte[] nul = { 0x61, 0x2F, 0x00 };

        Assert.AreEqual((int)MqttError.EmptyTopic, (int)MqttTopic.ValidateFilter(Ascii.Bytes("#"), 0, 0), "[MQTT-4.7.3-1]");
        Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttTopic.ValidateFilter(nul, 0, nul.Length), "[MQTT-4.7.3-2]");
    }
}
