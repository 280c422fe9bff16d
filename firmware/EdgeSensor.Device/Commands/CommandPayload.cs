namespace EdgeSensor.Device.Commands;

/// <summary>Reading command payloads: trimmed, case-insensitive, ASCII words and small integers.</summary>
public static class CommandPayload
{
    /// <summary>Longest payload accepted before trimming; anything longer is rejected as too large.</summary>
    public const int MaxLength = 32;

    /// <summary>Narrows [offset, offset+count) to exclude surrounding spaces, tabs and line ends.</summary>
    public static void Trim(byte[] payload, ref int offset, ref int count)
    {
        while (count > 0 && IsSpace(payload[offset])) { offset++; count--; }
        while (count > 0 && IsSpace(payload[offset + count - 1])) count--;
    }

    /// <summary>True when the bytes spell <paramref name="word"/> (upper-case ASCII) in any case.</summary>
    public static bool Is(byte[] payload, int offset, int count, string word)
    {
        if (count != word.Length) return false;
        for (int i = 0; i < count; i++)
        {
            int b = payload[offset + i];
            if (b >= 'a' && b <= 'z') b -= 32;
            if (b != word[i]) return false;
        }
        return true;
    }

    /// <summary>A decimal integer from 0 to <paramref name="max"/>, digits only; -1 otherwise.</summary>
    public static int ParseInteger(byte[] payload, int offset, int count, int max)
    {
        if (count == 0 || count > 6) return -1;
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            int b = payload[offset + i];
            if (b < '0' || b > '9') return -1;
            value = value * 10 + (b - '0');
        }
        return value <= max ? value : -1;
    }

    static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';
}
