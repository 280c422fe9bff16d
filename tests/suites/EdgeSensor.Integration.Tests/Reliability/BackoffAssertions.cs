using System;
using System.Collections.Generic;
using Xunit;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// What ReconnectBackoff promises, checked on measured attempt times: before attempt n+1 the client waits at least
/// half of min(initial x 2^(n-1), max) ("half fixed, half random").
/// </summary>
static class BackoffAssertions
{
    /// <summary>The nominal ceiling of the delay after attempt <paramref name="attempt"/> (1-based).</summary>
    public static long Nominal(int attempt, int initialMs, int maxMs)
    {
        long ceiling = initialMs;
        for (int i = 1; i < attempt && ceiling < maxMs; i++)
        {
            ceiling *= 2;
        }

        return Math.Min(ceiling, maxMs);
    }

    /// <summary>Gaps between consecutive attempts; fails when one is shorter than half its nominal delay.</summary>
    public static List<long> AssertGapsRespectBackoff(IReadOnlyList<long> attemptTimesMs, int initialMs, int maxMs)
    {
        var gaps = new List<long>();
        for (int i = 1; i < attemptTimesMs.Count; i++)
        {
            long gap = attemptTimesMs[i] - attemptTimesMs[i - 1];
            long floor = Nominal(i, initialMs, maxMs) / 2;
            Assert.True(gap >= floor, "attempt " + (i + 1) + " came " + gap + " ms after the previous one, under half its nominal " + (floor * 2) + " ms");
            gaps.Add(gap);
        }

        return gaps;
    }
}
