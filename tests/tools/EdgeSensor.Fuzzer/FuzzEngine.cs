using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Fuzzer;

/// <summary>
/// Case <c>k</c> of seed <c>s</c> is the same bytes, the same target and the same chunking on every run:
/// even cases go to the decoder, odd ones to the session. A crash or a broken invariant is thrown as a
/// <see cref="FuzzCrash"/> that names the seed, the case and its bytes.
/// </summary>
public sealed class FuzzEngine
{
    readonly FuzzRandom random = new FuzzRandom();
    readonly CaseGenerator generator;
    readonly DecoderDriver decoder = new DecoderDriver();
    readonly SessionDriver session = new SessionDriver();

    public FuzzEngine(long seed)
    {
        Seed = seed;
        generator = new CaseGenerator(random);
    }

    public long Seed { get; }

    public FuzzOutcomes Outcomes { get; } = new FuzzOutcomes();

    /// <summary>The bytes of the last case run (valid until the next).</summary>
    public FuzzCase Case { get; } = new FuzzCase();

    public static FuzzTarget TargetOf(long caseIndex) => caseIndex % 2 == 0 ? FuzzTarget.Decoder : FuzzTarget.Session;

    public MqttError Run(long caseIndex)
    {
        FuzzTarget target = TargetOf(caseIndex);
        random.Reset(Seed, caseIndex);
        generator.Generate(Case, target);
        MqttError outcome;
        try
        {
            outcome = target == FuzzTarget.Decoder ? decoder.Run(Case) : session.Run(Case, random);
        }
        catch (Exception e)
        {
            throw new FuzzCrash(Seed, caseIndex, target, Case, e);
        }
        Outcomes.Count(target, outcome);
        return outcome;
    }

    /// <summary>Cases first .. first + count - 1.</summary>
    public void Run(long first, long count)
    {
        for (long k = first; k < first + count; k++) Run(k);
    }
}
