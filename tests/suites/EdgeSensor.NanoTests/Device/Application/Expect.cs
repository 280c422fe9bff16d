using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>Exact comparisons of what the device published: bytes shown as text (one char per byte) so a failure reads.</summary>
public static class Expect
{
    public static void Bytes(byte[] expected, byte[] actual, string message)
    {
        Assert.IsNotNull(actual, message + ": nothing");
        Assert.AreEqual(Ascii.Text(expected, 0, expected.Length), Ascii.Text(actual, 0, actual.Length), message);
        Assert.AreEqual(expected.Length, actual.Length, message + ": length");
    }

    /// <summary>The message at <paramref name="index"/> is exactly this topic, payload, QoS and retain flag.</summary>
    public static void Message(RecordingLink link, int index, string topic, byte[] payload, MqttQos qos, bool retain)
    {
        Assert.IsTrue(index < link.Count, "message " + index.ToString() + " (" + topic + ") missing: " + link.Count.ToString() + " recorded");
        Published m = link[index];
        string where = "message " + index.ToString() + " on " + topic;
        Assert.AreEqual(topic, m.Topic, "topic of message " + index.ToString());
        Bytes(payload, m.Payload, where);
        Assert.AreEqual((int)qos, (int)m.Qos, where + ": QoS");
        Assert.AreEqual(retain, m.Retain, where + ": retain");
    }

    /// <summary>The only message on <paramref name="topic"/> is exactly this payload, QoS and retain flag.</summary>
    public static void Only(RecordingLink link, string topic, byte[] payload, MqttQos qos, bool retain)
    {
        Assert.AreEqual(1, link.CountOn(topic), "messages on " + topic);
        Message(link, link.IndexOf(topic), topic, payload, qos, retain);
    }

    /// <summary>Joins byte arrays: for documents that hold bytes Ascii cannot write (UTF-8) or quotes it would turn.</summary>
    public static byte[] Join(params byte[][] parts)
    {
        int length = 0;
        for (int i = 0; i < parts.Length; i++) length += parts[i].Length;
        byte[] joined = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            System.Array.Copy(parts[i], 0, joined, at, parts[i].Length);
            at += parts[i].Length;
        }
        return joined;
    }
}
