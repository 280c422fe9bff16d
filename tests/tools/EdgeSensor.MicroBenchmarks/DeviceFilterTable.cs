using System;
using System.Text;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>
/// Subscription filters as a gateway or a busy device holds them: '+' and '#' mixed, shared prefixes that
/// fail late. Only the last filter matches <see cref="Topic"/>, so routing has to look at every filter.
/// </summary>
static class DeviceFilterTable
{
    public static readonly byte[] Topic = Encoding.UTF8.GetBytes("edgesensor/dev1/cmd/relay/2");

    const string MatchingFilter = "edgesensor/+/cmd/#";

    public static byte[][] Build(int count)
    {
        var filters = new byte[count][];
        for (int i = 0; i < count - 1; i++) filters[i] = Encoding.UTF8.GetBytes(Miss(i));
        filters[count - 1] = Encoding.UTF8.GetBytes(MatchingFilter);
        for (int i = 0; i < count; i++)
        {
            byte[] f = filters[i];
            if (MqttTopic.ValidateFilter(f, 0, f.Length) != MqttError.None) throw new InvalidOperationException("invalid filter " + Miss(i));
            bool matches = MqttTopic.Matches(f, 0, f.Length, Topic, 0, Topic.Length);
            if (matches != (i == count - 1)) throw new InvalidOperationException("filter " + i + " breaks the table's layout");
        }
        return filters;
    }

    /// <summary>Filters that do not match the topic, some only at its last level.</summary>
    static string Miss(int i)
    {
        switch (i % 8)
        {
            case 0: return "edgesensor/node" + i + "/cmd/#";
            case 1: return "site/" + (i % 10) + "/+/temperature";
            case 2: return "edgesensor/+/telemetry";
            case 3: return "edgesensor/dev1/cmd/pwm/" + i;
            case 4: return "+/dev" + i + "/status";
            case 5: return "edgesensor/+/config/#";
            case 6: return "home/room" + i + "/+/state";
            default: return "edgesensor/dev1/cmd/+/" + (i + 3);
        }
    }
}
