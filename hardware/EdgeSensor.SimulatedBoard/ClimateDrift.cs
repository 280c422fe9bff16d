using System;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// Slow, deterministic weather for one simulated sensor, so telemetry changes over a run: each quantity is a
/// sine of the tick count around a baseline. The phases and a small per-sensor offset come from the board's
/// seed, so sensors differ from each other but a seed and a tick always give the same values.
/// </summary>
public sealed class ClimateDrift
{
    public const double BaseTemperatureC = 21.5;
    public const double BaseHumidityPercent = 45.0;
    public const double BasePressureHpa = 1013.25;

    public const double TemperatureAmplitudeC = 2.0;
    public const double HumidityAmplitudePercent = 8.0;
    public const double PressureAmplitudeHpa = 3.0;

    // Periods in ticks, unequal so the three quantities do not move in lockstep.
    public const int TemperaturePeriodTicks = 360;
    public const int HumidityPeriodTicks = 600;
    public const int PressurePeriodTicks = 1440;

    readonly double temperatureOffset;
    readonly double humidityOffset;
    readonly double pressureOffset;
    readonly double temperaturePhase;
    readonly double humidityPhase;
    readonly double pressurePhase;

    /// <summary>Draws this sensor's offsets and phases from <paramref name="random"/> (the board's seeded generator).</summary>
    public ClimateDrift(Random random)
    {
        temperatureOffset = (random.NextDouble() - 0.5) * 2.0;
        humidityOffset = (random.NextDouble() - 0.5) * 10.0;
        pressureOffset = (random.NextDouble() - 0.5) * 4.0;
        temperaturePhase = random.NextDouble() * 2 * Math.PI;
        humidityPhase = random.NextDouble() * 2 * Math.PI;
        pressurePhase = random.NextDouble() * 2 * Math.PI;
    }

    public double TemperatureC(long tick)
    {
        return BaseTemperatureC + temperatureOffset + TemperatureAmplitudeC * Wave(tick, TemperaturePeriodTicks, temperaturePhase);
    }

    public double HumidityPercent(long tick)
    {
        return BaseHumidityPercent + humidityOffset + HumidityAmplitudePercent * Wave(tick, HumidityPeriodTicks, humidityPhase);
    }

    public double PressureHpa(long tick)
    {
        return BasePressureHpa + pressureOffset + PressureAmplitudeHpa * Wave(tick, PressurePeriodTicks, pressurePhase);
    }

    static double Wave(long tick, int period, double phase)
    {
        return Math.Sin(2 * Math.PI * (tick % period) / period + phase);
    }
}
