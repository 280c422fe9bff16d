using EdgeSensor.Device.Sensors;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>
/// Worked values from Bosch's datasheets, written out here by hand so the driver is checked against them and
/// not against the simulated part. The one copy: the desktop driver tests compile this file for the simulated part.
/// </summary>
public static class DatasheetExample
{
    // BMP280 datasheet (BST-BMP280-DS001), section 3.12, compensation example. The BME280 uses the same
    // temperature and pressure compensation (BME280 datasheet section 4.2.3).
    public const int DigT1 = 27504;
    public const int DigT2 = 26435;
    public const int DigT3 = -1000;
    public const int DigP1 = 36477;
    public const int DigP2 = -10685;
    public const int DigP3 = 3024;
    public const int DigP4 = 2855;
    public const int DigP5 = 140;
    public const int DigP6 = -7;
    public const int DigP7 = 15500;
    public const int DigP8 = -14600;
    public const int DigP9 = 6000;
    public const int AdcT = 519888;
    public const int AdcP = 415148;
    public const int TFine = 128422;
    public const int CentiDegrees = 2508;
    public const double Pascal = 100653.27;

    // No datasheet gives a humidity example: these trimming values, the raw value and the result below were
    // worked through by hand with the datasheet's bme280_compensate_H_int32 (see Bme280CalibrationTests).
    public const int DigH1 = 75;
    public const int DigH2 = 370;
    public const int DigH3 = 0;
    public const int DigH4 = 298;
    public const int DigH5 = 50;
    public const int DigH6 = 30;
    public const int AdcH = 28000;
    public const int HumidityQ10 = 51495;

    public static Bme280Calibration Calibration()
    {
        Bme280Calibration c = new Bme280Calibration();
        c.DigT1 = DigT1;
        c.DigT2 = DigT2;
        c.DigT3 = DigT3;
        c.DigP1 = DigP1;
        c.DigP2 = DigP2;
        c.DigP3 = DigP3;
        c.DigP4 = DigP4;
        c.DigP5 = DigP5;
        c.DigP6 = DigP6;
        c.DigP7 = DigP7;
        c.DigP8 = DigP8;
        c.DigP9 = DigP9;
        c.DigH1 = DigH1;
        c.DigH2 = DigH2;
        c.DigH3 = DigH3;
        c.DigH4 = DigH4;
        c.DigH5 = DigH5;
        c.DigH6 = DigH6;
        return c;
    }

    /// <summary>Puts the chip id and this trimming into a scripted register map, encoded as datasheet table 16 lays it out.</summary>
    public static void WriteBme280Registers(ScriptedI2cBus bus)
    {
        bus.Registers[0xD0] = 0x60;
        bus.PutLittleEndian(0x88, DigT1);
        bus.PutLittleEndian(0x8A, DigT2);
        bus.PutLittleEndian(0x8C, DigT3);
        bus.PutLittleEndian(0x8E, DigP1);
        bus.PutLittleEndian(0x90, DigP2);
        bus.PutLittleEndian(0x92, DigP3);
        bus.PutLittleEndian(0x94, DigP4);
        bus.PutLittleEndian(0x96, DigP5);
        bus.PutLittleEndian(0x98, DigP6);
        bus.PutLittleEndian(0x9A, DigP7);
        bus.PutLittleEndian(0x9C, DigP8);
        bus.PutLittleEndian(0x9E, DigP9);
        bus.Registers[0xA1] = DigH1;
        bus.PutLittleEndian(0xE1, DigH2);
        bus.Registers[0xE3] = DigH3;

        // 298 = 0x12A: 0xE4 holds bits 11..4 (0x12), 0xE5's low nibble bits 3..0 (0xA).
        // 50 = 0x032: 0xE5's high nibble holds bits 3..0 (0x2), 0xE6 bits 11..4 (0x03).
        bus.Registers[0xE4] = 0x12;
        bus.Registers[0xE5] = 0x2A;
        bus.Registers[0xE6] = 0x03;
        bus.Registers[0xE7] = DigH6;
    }
}
