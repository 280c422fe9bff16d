namespace EdgeSensor.Device.Sensors;

/// <summary>
/// A BME280's trimming parameters and the datasheet's integer compensation (BME280 datasheet section 4.2.3:
/// 32-bit temperature and humidity, 64-bit pressure). The parameters are burnt in at the factory, so they are
/// read once; <see cref="Load"/> decodes the two register blocks that hold them (datasheet table 16).
/// </summary>
public sealed class Bme280Calibration
{
    /// <summary>calib00..calib25 at 0x88..0xA1: dig_T1..dig_P9, a reserved byte, dig_H1.</summary>
    public const int PrimaryBlockRegister = 0x88;
    public const int PrimaryBlockLength = 26;

    /// <summary>calib26..calib32 at 0xE1..0xE7: dig_H2..dig_H6.</summary>
    public const int HumidityBlockRegister = 0xE1;
    public const int HumidityBlockLength = 7;

    /// <summary>The highest humidity in the Q22.10 result: 100 %RH.</summary>
    const int HumidityCeilingQ = 100 << 22;

    public int DigT1;
    public int DigT2;
    public int DigT3;
    public int DigP1;
    public int DigP2;
    public int DigP3;
    public int DigP4;
    public int DigP5;
    public int DigP6;
    public int DigP7;
    public int DigP8;
    public int DigP9;
    public int DigH1;
    public int DigH2;
    public int DigH3;
    public int DigH4;
    public int DigH5;
    public int DigH6;

    /// <summary>
    /// Decodes both blocks. False when they cannot be a real part's trimming: dig_T1 and dig_P1 are never 0 or
    /// 0xFFFF (what a bus reading all-low or all-high lines gives), and dig_P1 = 0 would divide by zero.
    /// </summary>
    public bool Load(byte[] primary, int primaryOffset, byte[] humidity, int humidityOffset)
    {
        DigT1 = UnsignedLittleEndian(primary, primaryOffset);
        DigT2 = SignedLittleEndian(primary, primaryOffset + 2);
        DigT3 = SignedLittleEndian(primary, primaryOffset + 4);
        DigP1 = UnsignedLittleEndian(primary, primaryOffset + 6);
        DigP2 = SignedLittleEndian(primary, primaryOffset + 8);
        DigP3 = SignedLittleEndian(primary, primaryOffset + 10);
        DigP4 = SignedLittleEndian(primary, primaryOffset + 12);
        DigP5 = SignedLittleEndian(primary, primaryOffset + 14);
        DigP6 = SignedLittleEndian(primary, primaryOffset + 16);
        DigP7 = SignedLittleEndian(primary, primaryOffset + 18);
        DigP8 = SignedLittleEndian(primary, primaryOffset + 20);
        DigP9 = SignedLittleEndian(primary, primaryOffset + 22);
        DigH1 = primary[primaryOffset + 25];

        DigH2 = SignedLittleEndian(humidity, humidityOffset);
        DigH3 = humidity[humidityOffset + 2];

        // dig_H4 and dig_H5 are signed 12-bit values sharing register 0xE5: H4 is 0xE4 (bits 11..4) and the low
        // nibble of 0xE5 (bits 3..0); H5 is the high nibble of 0xE5 (bits 3..0) and 0xE6 (bits 11..4). The sign
        // comes from the byte that holds bits 11..4.
        int e4 = humidity[humidityOffset + 3];
        int e5 = humidity[humidityOffset + 4];
        int e6 = humidity[humidityOffset + 5];
        DigH4 = ((sbyte)e4 * 16) | (e5 & 0x0F);
        DigH5 = ((sbyte)e6 * 16) | (e5 >> 4);
        DigH6 = (sbyte)humidity[humidityOffset + 6];

        return DigT1 != 0 && DigT1 != 0xFFFF && DigP1 != 0 && DigP1 != 0xFFFF;
    }

    /// <summary>
    /// Temperature in hundredths of a degree Celsius (2508 is 25.08 °C), and t_fine, the fine-resolution
    /// temperature the pressure and humidity compensation depend on.
    /// </summary>
    public int CompensateTemperature(int adcT, out int tFine)
    {
        int linear = (((adcT >> 3) - (DigT1 << 1)) * DigT2) >> 11;
        int distance = (adcT >> 4) - DigT1;
        int quadratic = (((distance * distance) >> 12) * DigT3) >> 14;
        tFine = linear + quadratic;
        return (tFine * 5 + 128) >> 8;
    }

    /// <summary>Pressure in Pa as Q24.8 (divide by 256); 0 when the trimming would divide by zero.</summary>
    public int CompensatePressure(int adcP, int tFine)
    {
        long t = (long)tFine - 128000;
        long offset = t * t * DigP6 + ((t * DigP5) << 17) + ((long)DigP4 << 35);
        long sensitivity = ((t * t * DigP3) >> 8) + ((t * DigP2) << 12);
        sensitivity = (((1L << 47) + sensitivity) * DigP1) >> 33;
        if (sensitivity == 0) return 0;

        long p = 1048576 - adcP;
        p = (((p << 31) - offset) * 3125) / sensitivity;
        long quadraticCorrection = ((long)DigP9 * (p >> 13) * (p >> 13)) >> 25;
        long linearCorrection = ((long)DigP8 * p) >> 19;
        p = ((p + quadraticCorrection + linearCorrection) >> 8) + ((long)DigP7 << 4);
        return (int)p;
    }

    /// <summary>Relative humidity in %RH as Q22.10 (divide by 1024), clamped to 0..100 %RH.</summary>
    public int CompensateHumidity(int adcH, int tFine)
    {
        int t = tFine - 76800;
        int offsetRemoved = ((adcH << 14) - (DigH4 << 20) - DigH5 * t + 16384) >> 15;
        int temperatureTerm = ((((t * DigH6) >> 10) * (((t * DigH3) >> 11) + 32768)) >> 10) + 2097152;
        int h = offsetRemoved * ((temperatureTerm * DigH2 + 8192) >> 14);
        h -= ((((h >> 15) * (h >> 15)) >> 7) * DigH1) >> 4;
        if (h < 0) h = 0;
        if (h > HumidityCeilingQ) h = HumidityCeilingQ;
        return h >> 12;
    }

    static int UnsignedLittleEndian(byte[] data, int offset) => data[offset] | (data[offset + 1] << 8);

    static int SignedLittleEndian(byte[] data, int offset) => (short)(data[offset] | (data[offset + 1] << 8));
}
