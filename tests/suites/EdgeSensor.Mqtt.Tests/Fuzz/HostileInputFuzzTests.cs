using System;
using EdgeSensor.Fuzzer;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Fuzz;

/// <summary>
/// The normal run of the hostile-input fuzzer (docs/reliability.md): 100,000 seeded cases against the
/// decoder and a connected session. A case that throws, hangs, leaves the session neither connected nor closed
/// with a named error, makes the session write a malformed packet, or refuses valid broker traffic fails with
/// its seed, index and bytes [MQTT-4.8.0-1]. The long run is the EdgeSensor.Fuzzer console on the same engine.
/// </summary>
[Collection(EdgeSensor.Mqtt.Tests.AllocationCollection.Name)]
public class HostileInputFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decoder_and_session_survive_25000_hostile_cases(long seed)
    {
        var engine = new FuzzEngine(seed);
        engine.Run(0, 25_000);

        FuzzOutcomes o = engine.Outcomes;
        Assert.Equal(12_500, o.Total(FuzzTarget.Decoder));
        Assert.Equal(12_500, o.Total(FuzzTarget.Session));
        // The cases must reach past framing into field and session rules, and valid traffic must get through,
        // or passing would prove little.
        Assert.True(o.Of(FuzzTarget.Decoder, MqttError.None) > 1_000, o.ToTable());
        Assert.True(o.Of(FuzzTarget.Session, MqttError.None) > 3_000, o.ToTable());
        Assert.True(o.Distinct(FuzzTarget.Decoder) >= 15, o.ToTable());
        Assert.True(o.Distinct(FuzzTarget.Session) >= 15, o.ToTable());
        Assert.True(o.Of(FuzzTarget.Session, MqttError.UnexpectedPacket) > 0, o.ToTable());
    }

    [Fact]
    public void A_case_is_the_same_when_run_alone()
    {
        var batch = new FuzzEngine(7);
        var outcomes = new MqttError[400];
        for (int k = 0; k < outcomes.Length; k++) outcomes[k] = batch.Run(k);

        for (int k = 0; k < outcomes.Length; k += 37)
        {
            var alone = new FuzzEngine(7);
            Assert.Equal(outcomes[k], alone.Run(k));
        }
    }

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void Session_cases_allocate_nothing_whatever_the_input_size()
    {
        var engine = new FuzzEngine(11);
        // Warm-up over the very cases measured below: every path they take is compiled and initialised first
        // (first use can allocate, e.g. a string literal; whether another test got there earlier varies).
        for (long k = 2_001; k < 22_001; k += 2) engine.Run(k);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long bytesFed = 0;
        int largest = 0;
        for (long k = 2_001; k < 22_001; k += 2)
        {
            engine.Run(k);
            bytesFed += engine.Case.Length;
            largest = Math.Max(largest, engine.Case.Length);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Inputs many times the session's 256-byte receive buffer went through it.
        Assert.True(bytesFed > 1_000_000 && largest > 4_000, "fed " + bytesFed + " bytes, largest case " + largest);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_crash_names_its_seed_case_and_bytes()
    {
        var c = new FuzzCase { Kind = CaseKind.RandomBytes, Length = 2 };
        c.Bytes[0] = 0xAB;
        c.Bytes[1] = 0x01;
        var crash = new FuzzCrash(5, 42, FuzzTarget.Session, c, new InvalidOperationException("boom"));
        Assert.Contains("--seed 5 --case 42", crash.Message);
        Assert.Contains("AB01", crash.Message);
        Assert.Contains("boom", crash.Message);
    }
}
