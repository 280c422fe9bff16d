using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoTests.Session;

/// <summary>A streamed payload whose byte at each position is known, and that can be told to fail at a position.</summary>
public sealed class PatternSource : IMqttPayloadSource
{
    public readonly int Length;

    /// <summary>Where Read fails (returns 0, or throws when <see cref="Throws"/>); -1 never.</summary>
    public int FailAt = -1;
    public bool Throws;
    public int Reads;
    public int LargestRead;
    public int LastPosition = -1;

    public PatternSource(int length)
    {
        Length = length;
    }

    public static byte At(int position) => (byte)(position * 7 + position / 256);

    public static byte[] Bytes(int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = At(i);
        return bytes;
    }

    public int Read(int position, byte[] buffer, int offset, int count)
    {
        Reads++;
        LastPosition = position;
        if (count > LargestRead) LargestRead = count;
        if (FailAt >= 0 && position + count > FailAt)
        {
            if (position >= FailAt && Throws) throw new InvalidOperationException("flash read failed");
            if (position >= FailAt) return 0;
            count = FailAt - position;
        }
        for (int i = 0; i < count; i++) buffer[offset + i] = At(position + i);
        return count;
    }
}
