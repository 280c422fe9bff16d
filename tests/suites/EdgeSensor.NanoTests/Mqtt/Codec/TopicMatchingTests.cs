using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Codec;

/// <summary>Which topic names a topic filter matches, MQTT 3.1.1 section 4.7 (non-ASCII bytes written as &lt;hex&gt;).</summary>
[TestClass]
public class TopicMatchingTests
{
    [TestMethod]
    // 4.7.1.2 multi-level wildcard
    [DataRow("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [DataRow("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [DataRow("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [DataRow("sport/tennis/player1/#", "sport/tennis/player2", false)]
    [DataRow("sport/#", "sport", true)]
    [DataRow("sport/#", "sport/", true)]
    [DataRow("sport/#", "sports", false)]
    [DataRow("sport/tennis/#", "sport/tennis", true)]
    [DataRow("sport/tennis/#", "sport/tennisball", false)]
    [DataRow("#", "sport/tennis/player1", true)]
    [DataRow("#", "/", true)]
    [DataRow("/#", "/", true)]
    [DataRow("/#", "/finance", true)]
    [DataRow("/#", "finance", false)]
    // 4.7.1.3 single-level wildcard
    [DataRow("sport/tennis/+", "sport/tennis/player1", true)]
    [DataRow("sport/tennis/+", "sport/tennis/player2", true)]
    [DataRow("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [DataRow("sport/+", "sport", false)]
    [DataRow("sport/+", "sport/", true)]
    [DataRow("+", "sport", true)]
    [DataRow("+", "/finance", false)]
    [DataRow("+/+", "/finance", true)]
    [DataRow("/+", "/finance", true)]
    [DataRow("+/tennis/#", "sport/tennis/player1/ranking", true)]
    [DataRow("+/tennis/#", "sport/tennis", true)]
    [DataRow("+/tennis/#", "sport/golf/x", false)]
    [DataRow("sport/+/player1", "sport/tennis/player1", true)]
    [DataRow("sport/+/player1", "sport/tennis/player2", false)]
    [DataRow("+/#", "sport", true)]
    [DataRow("a/+/b", "a//b", true)]
    [DataRow("+/+/+", "a//b", true)]
    [DataRow("a/+/+", "a//", true)]
    // 4.7.2 topics beginning with $ [MQTT-4.7.2-1]
    [DataRow("#", "$SYS/monitor/Clients", false)]
    [DataRow("#", "$SYS", false)]
    [DataRow("+", "$SYS", false)]
    [DataRow("+/#", "$SYS", false)]
    [DataRow("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [DataRow("$SYS/#", "$SYS/monitor/Clients", true)]
    [DataRow("$SYS/#", "$SYS", true)]
    [DataRow("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [DataRow("$SYS/monitor/Clients", "$SYS/monitor/Clients", true)]
    [DataRow("a/+", "a/$b", true)]
    [DataRow("a/#", "a/$b", true)]
    // 4.7.3 exact names: case sensitive, separators significant, empty levels are levels
    [DataRow("ACCOUNTS", "Accounts", false)]
    [DataRow("Accounts payable", "Accounts payable", true)]
    [DataRow("/finance", "finance", false)]
    [DataRow("finance", "/finance", false)]
    [DataRow("a//b", "a//b", true)]
    [DataRow("a/b", "a//b", false)]
    [DataRow("a//b", "a/b", false)]
    [DataRow("a/b", "a/bc", false)]
    [DataRow("a/bc", "a/b", false)]
    [DataRow("a/b/", "a/b", false)]
    [DataRow("a/b", "a/b/", false)]
    [DataRow("a/b/c", "a/b", false)]
    [DataRow("<e2 82 ac>/+", "<e2 82 ac>/<f0 9f 98 80>", true)]
    [DataRow("<e2 82 ac>/<f0 9f 98 80>", "<e2 82 ac>/<f0 9f 98 81>", false)]
    public void MatchesFollowsSection47(string filter, string topic, bool expected)
    {
        byte[] f = Utf8Text.Bytes(filter);
        byte[] t = Utf8Text.Bytes(topic);
        string what = filter + " ~ " + topic;
        Assert.AreEqual((int)MqttError.None, (int)MqttTopic.ValidateFilter(f, 0, f.Length), "filter " + what);
        Assert.AreEqual((int)MqttError.None, (int)MqttTopic.ValidateName(t, 0, t.Length), "name " + what);

        Assert.AreEqual(expected, MqttTopic.Matches(f, 0, f.Length, t, 0, t.Length), what);

        // Padding chosen to change the answer if read: '$' before the topic, more levels after both.
        byte[] paddedFilter = PacketBytes.Between(Ascii.Bytes("q/"), f, Ascii.Bytes("/#"), out int filterOffset);
        byte[] paddedTopic = PacketBytes.Between(Ascii.Bytes("$"), t, Ascii.Bytes("/z"), out int topicOffset);
        Assert.AreEqual(expected, MqttTopic.Matches(paddedFilter, filterOffset, f.Length, paddedTopic, topicOffset, t.Length), "padded " + what);
    }
}
