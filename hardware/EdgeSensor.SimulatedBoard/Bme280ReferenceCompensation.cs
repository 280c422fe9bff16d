namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// The datasheet's floating-point compensation (BME280 datasheet section 8.1, BMP280 section 8.1), which the
/// simulated part inverts to produce raw values. Deliberately not the driver's integer code: the model and the
/// driver agree only if both follow the datasheet.
/// </summary>
public sealed class Bme280ReferenceCompensation
{
    readonly Bme280CalibrationSet c;

    public Bme280ReferenceCompensation(Bme280CalibrationSet calibration)
    {
        c = calibration;
    }

    /// <summary>Degrees Celsius, and the t_fine the other two quantities use.</summary>
    public double Temperature(int adcT, out int tFine)
    {
        double linear = (adcT / 16384.0 - c.DigT1 / 1024.0) * c.DigT2;
        double offset = adcT / 131072.0 - c.DigT1 / 8192.0;
        double quadratic = offset * offset * c.DigT3;
        tFine = (int)(linear + quadratic);
        return (linear + quadratic) / 5120.0;
    }

    /// <summary>Pascal; 0 when the trimming would divide by zero.</summary>
    public double Pressure(int adcP, int tFine)
    {
        double t = tFine / 2.0 - 64000.0;
        double offset = t * t * c.DigP6 / 32768.0;
        offset += t * c.DigP5 * 2.0;
        offset = offset / 4.0 + c.DigP4 * 65536.0;
        double sensitivity = (c.DigP3 * t * t / 524288.0 + c.DigP2 * t) / 524288.0;
        sensitivity = (1.0 + sensitivity / 32768.0) * c.DigP1;
        if (sensitivity == 0.0) return 0.0;

        double p = 1048576.0 - adcP;
        p = (p - offset / 4096.0) * 6250.0 / sensitivity;
        double quadraticCorrection = c.DigP9 * p * p / 2147483648.0;
        double linearCorrection = p * c.DigP8 / 32768.0;
        return p + (quadraticCorrection + linearCorrection + c.DigP7) / 16.0;
    }

    /// <summary>%RH, clamped to 0..100 as the datasheet does.</summary>
    public double Humidity(int adcH, int tFine)
    {
        double t = tFine - 76800.0;
        double h = (adcH - (c.DigH4 * 64.0 + c.DigH5 / 16384.0 * t))
            * (c.DigH2 / 65536.0 * (1.0 + c.DigH6 / 67108864.0 * t * (1.0 + c.DigH3 / 67108864.0 * t)));
        h *= 1.0 - c.DigH1 * h / 524288.0;
        if (h > 100.0) return 100.0;
        if (h < 0.0) return 0.0;
        return h;
    }
}
