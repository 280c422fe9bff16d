using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>
/// Approximate comparisons of doubles, which the portable Assert lacks (and nanoFramework's mscorlib has no Math):
/// the desktop tests' <c>Assert.Equal(expected, actual, tolerance)</c> and <c>Assert.Equal(expected, actual, 9)</c>.
/// </summary>
public static class Near
{
    /// <summary>|expected - actual| &lt;= tolerance, as xunit's tolerance overload; NaN never passes.</summary>
    public static void Within(double expected, double actual, double tolerance, string message)
    {
        double difference = expected - actual;
        if (difference < 0) difference = -difference;
        Assert.IsTrue(difference <= tolerance, message + ": expected " + expected.ToString() + " +/- " + tolerance.ToString() + ", got " + actual.ToString());
    }

    /// <summary>
    /// Equal to nine decimals, the desktop's <c>Assert.Equal(expected, actual, 9)</c>, written as a difference of at
    /// most half a unit in the ninth decimal (never looser: equal rounded values may differ by up to a whole unit).
    /// </summary>
    public static void NineDecimals(double expected, double actual, string message)
    {
        Within(expected, actual, 0.5e-9, message);
    }
}
