namespace EdgeSensor.Fuzzer;

/// <summary>
/// SplitMix64, reseeded per case from (seed, case index): any case can be regenerated alone, and the
/// generator is a reused object, so producing a case allocates nothing.
/// </summary>
public sealed class FuzzRandom
{
    ulong state;

    public void Reset(long seed, long caseIndex)
    {
        state = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)caseIndex * 0xD1B54A32D192ED03UL;
        NextUInt64();
    }

    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 to <paramref name="max"/> - 1.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextUInt64() % (ulong)max);

    /// <summary><paramref name="min"/> to <paramref name="max"/> - 1.</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool OneIn(int n) => Next(n) == 0;

    public byte NextByte() => (byte)NextUInt64();

    public void Fill(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++) buffer[offset + i] = (byte)NextUInt64();
    }
}
