using BenchmarkDotNet.Attributes;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>Routing one received topic to the first matching subscription, by the number of subscriptions.</summary>
[MemoryDiagnoser]
public class TopicMatchBenchmarks
{
    [Params(1, 10, 100)]
    public int Filters;

    byte[][] filters;
    SubscriptionTable table;
    readonly byte[] topic = DeviceFilterTable.Topic;

    [GlobalSetup]
    public void Setup()
    {
        filters = DeviceFilterTable.Build(Filters);
        table = new SubscriptionTable(Filters);
        for (int i = 0; i < Filters; i++) table.Set(i, filters[i], MqttQos.AtLeastOnce);
        if (MatchesOverTable() != Filters - 1 || SubscriptionTableMatch() != Filters - 1)
        {
            throw new System.InvalidOperationException("routing does not find the last filter");
        }
    }

    /// <summary>The bare matcher over an array of encoded filters.</summary>
    [Benchmark(Baseline = true)]
    public int MatchesOverTable()
    {
        for (int i = 0; i < filters.Length; i++)
        {
            byte[] f = filters[i];
            if (MqttTopic.Matches(f, 0, f.Length, topic, 0, topic.Length)) return i;
        }
        return -1;
    }

    /// <summary>What the session does for each received PUBLISH: the same scan, skipping subscriptions that are not live.</summary>
    [Benchmark]
    public int SubscriptionTableMatch() => table.Match(topic, 0, topic.Length);
}
