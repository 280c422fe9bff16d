#nullable disable
using System;

namespace EdgeSensor.Portability.Fixture;

/// <summary>
/// Uses only what a nanoFramework 1.x device has, but referenced in forms nanoframework-api-v1.txt does not spell
/// directly: the check must accept these.
/// </summary>
public static class PortableSamples
{
    // The compiler calls Int32.GetHashCode, which the device's Int32 does not declare:
    // the listing has it on System.Object, found through the base type chain.
    public static int HashOf(int value)
    {
        return value.GetHashCode();
    }

    // Referenced as the get_UtcNow accessor, listed as the property P:System.DateTime.UtcNow.
    public static DateTime UtcTimestamp()
    {
        return DateTime.UtcNow;
    }

    // net10 declares Set on EventWaitHandle, the device on AutoResetEvent itself: the same source works on both.
    public static bool SignalEvent(System.Threading.AutoResetEvent signal)
    {
        return signal.Set();
    }
}
