using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoTests.Application;

/// <summary>One message the device handed to MQTT: its topic (one char per byte), a copy of its payload, QoS and retain flag.</summary>
public sealed class Published
{
    public readonly string Topic;
    public readonly byte[] Payload;
    public readonly MqttQos Qos;
    public readonly bool Retain;

    public Published(string topic, byte[] payload, MqttQos qos, bool retain)
    {
        Topic = topic;
        Payload = payload;
        Qos = qos;
        Retain = retain;
    }
}

/// <summary>
/// An MQTT link that records what the device publishes, in order, and can pretend its outbox is full
/// (<see cref="Answer"/>): a refused publish is not recorded.
/// </summary>
public sealed class RecordingLink : IMqttLink
{
    public const int Capacity = 64;

    readonly Published[] messages = new Published[Capacity];
    readonly string[] subscriptions = new string[8];
    readonly MqttQos[] subscriptionQos = new MqttQos[8];
    int count;
    int subscriptionCount;

    public MqttPublishResult Answer = MqttPublishResult.Accepted;

    /// <summary>When not negative: how many more publishes are accepted before the outbox is full.</summary>
    public int Budget = -1;

    /// <summary>Publishes answered with something other than Accepted.</summary>
    public int Refused;

    public int Count { get { return count; } }

    public int SubscriptionCount { get { return subscriptionCount; } }

    public Published this[int index]
    {
        get
        {
            if (index < 0 || index >= count) throw new IndexOutOfRangeException("message " + index.ToString() + " of " + count.ToString());
            return messages[index];
        }
    }

    public string Subscription(int index) { return subscriptions[index]; }

    public MqttQos SubscriptionQos(int index) { return subscriptionQos[index]; }

    public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
    {
        if (Answer != MqttPublishResult.Accepted)
        {
            Refused++;
            return Answer;
        }
        if (Budget == 0)
        {
            Refused++;
            return MqttPublishResult.OutboxFull;
        }
        if (Budget > 0) Budget--;
        if (this.count == Capacity) throw new InvalidOperationException("the recording is full: clear it");
        byte[] copy = new byte[count];
        Array.Copy(payload, offset, copy, 0, count);
        messages[this.count++] = new Published(Ascii.Text(topic, 0, topic.Length), copy, qos, retain);
        return MqttPublishResult.Accepted;
    }

    public int Subscribe(string filter, MqttQos qos)
    {
        subscriptions[subscriptionCount] = filter;
        subscriptionQos[subscriptionCount] = qos;
        return subscriptionCount++;
    }

    public void Clear()
    {
        for (int i = 0; i < count; i++) messages[i] = null;
        count = 0;
    }

    /// <summary>How many recorded messages went to <paramref name="topic"/>.</summary>
    public int CountOn(string topic)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (messages[i].Topic == topic) n++;
        }
        return n;
    }

    /// <summary>How many recorded messages went to a topic ending with <paramref name="suffix"/>.</summary>
    public int CountEndingWith(string suffix)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            string topic = messages[i].Topic;
            if (topic.Length >= suffix.Length && topic.Substring(topic.Length - suffix.Length) == suffix) n++;
        }
        return n;
    }

    /// <summary>The first message on <paramref name="topic"/> at or after <paramref name="from"/>; -1 when none.</summary>
    public int IndexOf(string topic, int from)
    {
        for (int i = from; i < count; i++)
        {
            if (messages[i].Topic == topic) return i;
        }
        return -1;
    }

    public int IndexOf(string topic)
    {
        return IndexOf(topic, 0);
    }

    /// <summary>The one message on <paramref name="topic"/>: a test failure when there is none or more than one.</summary>
    public Published Only(string topic)
    {
        int n = CountOn(topic);
        if (n != 1) throw new InvalidOperationException(n.ToString() + " messages on " + topic + ", expected exactly one");
        return messages[IndexOf(topic)];
    }
}
