using System;
using System.Text;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Fuzzer;

/// <summary>
/// Cases by target and outcome. Outcome None means accepted: every packet decoded, or the session still
/// connected; any other value is the named error that ended it. Counting is array indexing: no allocation.
/// </summary>
public sealed class FuzzOutcomes
{
    static readonly int Kinds = Enum.GetValues<MqttError>().Length;

    readonly long[][] counts = { new long[Kinds], new long[Kinds] };

    public void Count(FuzzTarget target, MqttError outcome) => counts[(int)target][(int)outcome]++;

    public long Of(FuzzTarget target, MqttError outcome) => counts[(int)target][(int)outcome];

    public long Total(FuzzTarget target)
    {
        long total = 0;
        foreach (long n in counts[(int)target]) total += n;
        return total;
    }

    /// <summary>How many different outcomes a target has shown: a fuzzer that only ever reaches one proves little.</summary>
    public int Distinct(FuzzTarget target)
    {
        int distinct = 0;
        foreach (long n in counts[(int)target]) if (n > 0) distinct++;
        return distinct;
    }

    public void Add(FuzzOutcomes other)
    {
        for (int t = 0; t < counts.Length; t++)
            for (int k = 0; k < Kinds; k++) counts[t][k] += other.counts[t][k];
    }

    /// <summary>A markdown table: outcome, then a count per target.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine("| outcome | decoder | session |");
        text.AppendLine("|---|---:|---:|");
        foreach (MqttError error in Enum.GetValues<MqttError>())
        {
            long decoder = Of(FuzzTarget.Decoder, error), session = Of(FuzzTarget.Session, error);
            if (decoder == 0 && session == 0) continue;
            string name = error == MqttError.None ? "accepted (decoded / still connected)" : error.ToString();
            text.AppendLine("| " + name + " | " + decoder + " | " + session + " |");
        }
        text.AppendLine("| **total** | " + Total(FuzzTarget.Decoder) + " | " + Total(FuzzTarget.Session) + " |");
        return text.ToString();
    }
}
