using System;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// Finds the raw ADC values a BME280 would report for given physical values, by searching the datasheet's
/// floating-point compensation (<see cref="Bme280ReferenceCompensation"/>), which is monotonic in each raw
/// value for any real part's trimming. Raw values are searched on the grid the oversampling leaves: at x1 the
/// 20-bit temperature and pressure have 16 significant bits (BME280 datasheet section 3.4.2).
/// </summary>
public static class Bme280RawSearch
{
    public const int Max20Bit = 0xFFFFF;
    public const int Max16Bit = 0xFFFF;

    /// <summary>The raw temperature on the grid of <paramref name="oversampling"/> (osrs_t 1..5) closest to <paramref name="celsius"/>.</summary>
    public static int AdcTemperature(Bme280ReferenceCompensation reference, double celsius, int oversampling)
    {
        int step = StepOf(oversampling);
        int lo = 0;
        int hi = Max20Bit / step;

        // Smallest grid index whose temperature reaches the target.
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (reference.Temperature(mid * step, out _) >= celsius) hi = mid;
            else lo = mid + 1;
        }

        if (lo > 0 && Math.Abs(reference.Temperature((lo - 1) * step, out _) - celsius) < Math.Abs(reference.Temperature(lo * step, out _) - celsius))
        {
            lo--;
        }

        return lo * step;
    }

    /// <summary>The raw pressure on the grid of <paramref name="oversampling"/> (osrs_p 1..5) closest to <paramref name="pascal"/>.</summary>
    public static int AdcPressure(Bme280ReferenceCompensation reference, double pascal, int tFine, int oversampling)
    {
        int step = StepOf(oversampling);
        int lo = 0;
        int hi = Max20Bit / step;

        // Pressure falls as the raw value rises: smallest grid index whose pressure is down to the target.
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (reference.Pressure(mid * step, tFine) <= pascal) hi = mid;
            else lo = mid + 1;
        }

        if (lo > 0 && Math.Abs(reference.Pressure((lo - 1) * step, tFine) - pascal) < Math.Abs(reference.Pressure(lo * step, tFine) - pascal))
        {
            lo--;
        }

        return lo * step;
    }

    /// <summary>The 16-bit raw humidity closest to <paramref name="percent"/>.</summary>
    public static int AdcHumidity(Bme280ReferenceCompensation reference, double percent, int tFine)
    {
        int lo = 0;
        int hi = Max16Bit;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (reference.Humidity(mid, tFine) >= percent) hi = mid;
            else lo = mid + 1;
        }

        if (lo > 0 && Math.Abs(reference.Humidity(lo - 1, tFine) - percent) < Math.Abs(reference.Humidity(lo, tFine) - percent))
        {
            lo--;
        }

        return lo;
    }

    /// <summary>Raw-value step at an oversampling setting: 16 bits at x1 up to 20 bits at x16 (settings 5..7).</summary>
    static int StepOf(int oversampling)
    {
        int significantBits = 15 + Math.Clamp(oversampling, 1, 5);
        return 1 << (20 - significantBits);
    }
}
