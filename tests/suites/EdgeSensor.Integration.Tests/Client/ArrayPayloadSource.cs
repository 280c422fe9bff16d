using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>A streamed payload held in an array here, as a file or a camera's frame buffer would be on a board.</summary>
sealed class ArrayPayloadSource : IMqttPayloadSource
{
    readonly byte[] bytes;

    public ArrayPayloadSource(byte[] bytes)
    {
        this.bytes = bytes;
    }

    /// <summary>The most the client asked for at once: never more than its send buffer.</summary>
    public int LargestRead { get; private set; }

    public int Read(int position, byte[] buffer, int offset, int count)
    {
        LargestRead = Math.Max(LargestRead, count);
        int n = Math.Min(count, bytes.Length - position);
        Array.Copy(bytes, position, buffer, offset, n);
        return n;
    }

    /// <summary>Bytes that are not all alike, so that a piece out of place shows.</summary>
    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) ^ (i >> 8));
        }

        return bytes;
    }
}
