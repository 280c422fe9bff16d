namespace EdgeSensor.Mqtt.Codec;

/// <summary>The fixed header's variable-length integer (MQTT 3.1.1 section 2.2.3): 1 to 4 bytes, 7 bits each.</summary>
public static class RemainingLength
{
    public const int Max = 268435455;

    public static int SizeOf(int value)
    {
        if (value < 128) return 1;
        if (value < 16384) return 2;
        if (value < 2097152) return 3;
        return 4;
    }

    /// <summary>Writes <paramref name="value"/> (0..Max) and returns the number of bytes written.</summary>
    public static int Write(byte[] buffer, int offset, int value)
    {
        int written = 0;
        do
        {
            int digit = value & 0x7F;
            value >>= 7;
            if (value > 0) digit |= 0x80;
            buffer[offset + written] = (byte)digit;
            written++;
        }
        while (value > 0);
        return written;
    }

    /// <summary>
    /// Reads a remaining length from the <paramref name="count"/> bytes at <paramref name="offset"/>.
    /// Returns the bytes it occupies; 0 when more bytes are needed; -1 when a fifth byte would be
    /// needed, which is malformed.
    /// </summary>
    public static int TryRead(byte[] buffer, int offset, int count, out int value)
    {
        value = 0;
        for (int i = 0; i < 4; i++)
        {
            if (i >= count) return 0;
            int digit = buffer[offset + i];
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0) return i + 1;
        }
        value = 0;
        return -1;
    }
}
