using EdgeSensor.Device.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>The BME280's trimming decode and the datasheet's integer compensation (32-bit T and H, 64-bit P) on the interpreter.</summary>
[TestClass]
public class Bme280CalibrationTests
{
    [TestMethod]
    public void TemperatureMatchesTheDatasheetWorkedExample()
    {
        Bme280Calibration calibration = DatasheetExample.Calibration();
        int tFine;
        int centiDegrees = calibration.CompensateTemperature(DatasheetExample.AdcT, out tFine);
        Assert.AreEqual(DatasheetExample.TFine, tFine, "t_fine");
        Assert.AreEqual(DatasheetExample.CentiDegrees, centiDegrees, "hundredths of a degree");
    }

    [TestMethod]
    public void PressureMatchesTheDatasheetWorkedExample()
    {
        Bme280Calibration calibration = DatasheetExample.Calibration();
        int pressureQ8 = calibration.CompensatePressure(DatasheetExample.AdcP, DatasheetExample.TFine);
        // The datasheet's 100653.27 Pa comes from its floating-point formula; the 64-bit integer one lands within
        // a fraction of a pascal of it (25767233 / 256 = 100653.254 Pa).
        Near.Within(DatasheetExample.Pascal, pressureQ8 / 256.0, 0.05, "pascal");
    }

    [TestMethod]
    public void PressureIsExactlyTheIntegerResult()
    {
        // The 64-bit arithmetic (shifts of long by 35 and 47, a long division) gives the same Q24.8 on every runtime.
        Assert.AreEqual(25767233, DatasheetExample.Calibration().CompensatePressure(DatasheetExample.AdcP, DatasheetExample.TFine), "Q24.8");
    }

    [TestMethod]
    public void HumidityMatchesTheHandComputedCase()
    {
        // bme280_compensate_H_int32 with dig_H1..H6 = 75, 370, 0, 298, 50, 30, t_fine = 128422, adc_H = 28000:
        //   x = t_fine - 76800                                         = 51622
        //   (adc_H << 14) - (H4 << 20) - H5 * x = 458752000 - 312475648 - 2581100 = 143695252
        //   (143695252 + 16384) >> 15                                  = 4385
        //   (x * H6) >> 10 = 1512;  ((x * H3) >> 11) + 32768 = 32768;  (1512 * 32768) >> 10 = 48384
        //   48384 + 2097152 = 2145536;  (2145536 * H2 + 8192) >> 14    = 48453
        //   4385 * 48453                                               = 212466405 (>> 15 is 6483)
        //   212466405 - ((((6483 * 6483) >> 7) * H1) >> 4)            = 212466405 - 1539154 = 210927251
        //   210927251 >> 12                                            = 51495, i.e. 51495 / 1024 = 50.288 %RH
        // (The datasheet's floating-point formula gives 50.291 %RH for the same inputs.)
        Bme280Calibration calibration = DatasheetExample.Calibration();
        Assert.AreEqual(DatasheetExample.HumidityQ10, calibration.CompensateHumidity(DatasheetExample.AdcH, DatasheetExample.TFine), "Q22.10");
    }

    [TestMethod]
    public void HumidityIsClampedToZeroAndAHundredPercent()
    {
        Bme280Calibration calibration = DatasheetExample.Calibration();
        Assert.AreEqual(0, calibration.CompensateHumidity(0, DatasheetExample.TFine), "floor");
        Assert.AreEqual(100 * 1024, calibration.CompensateHumidity(0xFFFF, DatasheetExample.TFine), "ceiling");
    }

    [TestMethod]
    public void PressureIsZeroRatherThanADivisionByZero()
    {
        Bme280Calibration calibration = DatasheetExample.Calibration();
        calibration.DigP1 = 0;
        Assert.AreEqual(0, calibration.CompensatePressure(DatasheetExample.AdcP, DatasheetExample.TFine), "dig_P1 = 0");
    }

    [TestMethod]
    public void LoadsLittleEndianWordsWithTheirSignedness()
    {
        ScriptedI2cBus bus = new ScriptedI2cBus(0x76);
        DatasheetExample.WriteBme280Registers(bus);
        Bme280Calibration c = new Bme280Calibration();

        Assert.IsTrue(c.Load(bus.Registers, 0x88, bus.Registers, 0xE1), "accepted");

        int[] expected = new int[] { 27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000, 75, 370, 0, 298, 50, 30 };
        int[] actual = new int[]
        {
            c.DigT1, c.DigT2, c.DigT3, c.DigP1, c.DigP2, c.DigP3, c.DigP4, c.DigP5, c.DigP6, c.DigP7, c.DigP8, c.DigP9,
            c.DigH1, c.DigH2, c.DigH3, c.DigH4, c.DigH5, c.DigH6,
        };
        string[] names = new string[] { "T1", "T2", "T3", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "H1", "H2", "H3", "H4", "H5", "H6" };
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], "dig_" + names[i]);
    }

    [TestMethod]
    public void UnpacksTheTwelveBitHumidityWordsWithTheirSign()
    {
        byte[] primary = Blank(Bme280Calibration.PrimaryBlockLength);
        primary[25] = 0xFF; // dig_H1 is unsigned: 255
        byte[] humidity = new byte[]
        {
            0x00, 0x80, // dig_H2 = 0x8000, signed: -32768
            0xC8,       // dig_H3 is unsigned: 200
            0x81,       // dig_H4 bits 11..4 = 0x81: negative
            0x5A,       // low nibble: dig_H4 bits 3..0 = 0xA; high nibble: dig_H5 bits 3..0 = 0x5
            0xF0,       // dig_H5 bits 11..4 = 0xF0: negative
            0xFE,       // dig_H6 is a signed char: -2
        };
        Bme280Calibration calibration = new Bme280Calibration();

        calibration.Load(primary, 0, humidity, 0);

        Assert.AreEqual(255, calibration.DigH1, "dig_H1");
        Assert.AreEqual(-32768, calibration.DigH2, "dig_H2");
        Assert.AreEqual(200, calibration.DigH3, "dig_H3");
        Assert.AreEqual(-2022, calibration.DigH4, "dig_H4: 0x81A as a 12-bit signed value");
        Assert.AreEqual(-251, calibration.DigH5, "dig_H5: 0xF05 as 12-bit signed");
        Assert.AreEqual(-2, calibration.DigH6, "dig_H6");
    }

    [TestMethod]
    [DataRow(0x00)]
    [DataRow(0xFF)]
    public void RejectsABlankReadAsTrimming(int fill)
    {
        byte[] primary = new byte[Bme280Calibration.PrimaryBlockLength];
        byte[] humidity = new byte[Bme280Calibration.HumidityBlockLength];
        for (int i = 0; i < primary.Length; i++) primary[i] = (byte)fill;
        for (int i = 0; i < humidity.Length; i++) humidity[i] = (byte)fill;
        Assert.IsFalse(new Bme280Calibration().Load(primary, 0, humidity, 0), "blank block");
    }

    static byte[] Blank(int length)
    {
        byte[] block = new byte[length];

        // dig_T1 and dig_P1 plausible, so Load accepts the block.
        block[0] = 0x70;
        block[1] = 0x6B;
        block[6] = 0x7D;
        block[7] = 0x8E;
        return block;
    }
}
