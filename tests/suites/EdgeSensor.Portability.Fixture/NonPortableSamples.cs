using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace EdgeSensor.Portability.Fixture;

/// <summary>Each method uses one thing a nanoFramework 1.x device does not have.</summary>
public static class NonPortableSamples
{
    public static int CountWithList(int count)
    {
        var values = new List<int>();
        for (int i = 0; i < count; i++)
        {
            values.Add(i);
        }

        return values.Count;
    }

    public static async Task DelayAsync(int milliseconds)
    {
        await Task.Delay(milliseconds);
    }

    public static string DescribeReading(int celsius)
    {
        return $"temperature={celsius}";
    }

    public static DateTime LocalTimestamp()
    {
        return DateTime.Now;
    }

    // Nullable annotations make the compiler embed NullableAttribute types of its own.
    public static int LengthOrZero(string? text)
    {
        return text == null ? 0 : text.Length;
    }

    // EventWaitHandle itself is not on the device: naming it is reported even though AutoResetEvent.Set is accepted.
    public static bool SignalThroughTheBase(System.Threading.EventWaitHandle signal)
    {
        return signal.Set();
    }
}
