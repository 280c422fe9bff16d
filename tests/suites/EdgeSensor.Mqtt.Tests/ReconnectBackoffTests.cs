using System.Collections.Generic;
using System.Linq;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Driver;
using Xunit;

namespace EdgeSensor.Mqtt.Tests;

public class ReconnectBackoffTests
{
    [Fact]
    public void Delays_DoubleUpToTheCap_EachBetweenHalfAndAllOfItsCeiling()
    {
        var backoff = new ReconnectBackoff(initialMs: 1000, maxMs: 8000, stableMs: 30000, seed: 7);
        int[] ceilings = { 1000, 2000, 4000, 8000, 8000, 8000 };
        foreach (int ceiling in ceilings)
        {
            int delay = backoff.NextDelayMs(0);
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
        Assert.Equal(ceilings.Length, backoff.Attempts);
    }

    [Fact]
    public void StableConnection_StartsOverFromTheInitialDelay()
    {
        var backoff = new ReconnectBackoff(1000, 60000, stableMs: 30000, seed: 7);
        for (int i = 0; i < 5; i++) backoff.NextDelayMs(0);
        backoff.Connected(100);
        Assert.InRange(backoff.NextDelayMs(100 + 29999), 16000, 32000); // not stable yet: the sixth ceiling
        backoff.Connected(200000);
        Assert.InRange(backoff.NextDelayMs(200000 + 30000), 500, 1000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-123456)]
    public void Jitter_SpreadsOverTheRange_ForAnySeed(int seed)
    {
        var delays = new List<int>();
        for (int i = 0; i < 200; i++)
        {
            var backoff = new ReconnectBackoff(60000, 60000, 30000, seed + i);
            delays.Add(backoff.NextDelayMs(0));
        }
        Assert.All(delays, d => Assert.InRange(d, 30000, 60000));
        // A fleet seeded from MAC addresses must not come back in lockstep: the delays cover the range.
        Assert.True(delays.Distinct().Count() > 150, "only " + delays.Distinct().Count() + " distinct delays");
        Assert.True(delays.Min() < 33000 && delays.Max() > 57000, "range " + delays.Min() + ".." + delays.Max());
    }
}
