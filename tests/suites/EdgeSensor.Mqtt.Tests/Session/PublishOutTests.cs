using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>
/// The session's outgoing PUBLISH cases that a nanoFramework string cannot carry: it ends at U+0000 and turns an unpaired
/// surrogate into U+FFFD, so the device never sees these topics. Every other case runs on nanoCLR and here through
/// tests/suites/EdgeSensor.NanoTests/Mqtt/Session (one source of truth for the vectors).
/// </summary>
public class PublishOutTests
{
    [Fact]
    public void TopicWithANul_IsRefused_MQTT_4_7_3_2()
    {
        AssertRefused("a\0b");
    }

    [Fact]
    public void TopicWithAnUnpairedSurrogate_IsRefused_MQTT_1_5_3_1()
    {
        AssertRefused("bad" + (char)0xD800); // built here: xunit would turn it into U+FFFD on the way to a theory
    }

    static void AssertRefused(string topic)
    {
        var b = new ScriptedBroker();
        b.Open();
        var payload = new byte[] { 1, 2, 3 };
        Assert.Equal(MqttPublishResult.InvalidTopic, b.Session.Publish(topic, payload, 0, payload.Length, MqttQos.AtMostOnce, false));
        Assert.Equal(MqttPublishResult.InvalidTopic, b.Session.Publish(topic, payload, 0, payload.Length, MqttQos.AtLeastOnce, false));
        Assert.Empty(b.TakeOutput());
        Assert.Equal(0, b.Session.OutboxCount);
    }
}
