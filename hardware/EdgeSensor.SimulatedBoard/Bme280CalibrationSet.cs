using System;

namespace EdgeSensor.SimulatedBoard;

/// <summary>A BME280's trimming parameters as the simulated part holds them, and their register encoding.</summary>
public sealed record Bme280CalibrationSet
{
    /// <summary>
    /// Temperature and pressure: the worked example of the BMP280 datasheet (BST-BMP280-DS001, section 3.12),
    /// whose compensation the BME280 shares: adc_T 519888 gives 25.08 °C (t_fine 128422), adc_P 415148 gives
    /// 100653.27 Pa. Humidity: the datasheets give no example; these are values of the usual order for a part.
    /// </summary>
    public static readonly Bme280CalibrationSet DatasheetExample = new()
    {
        DigT1 = 27504,
        DigT2 = 26435,
        DigT3 = -1000,
        DigP1 = 36477,
        DigP2 = -10685,
        DigP3 = 3024,
        DigP4 = 2855,
        DigP5 = 140,
        DigP6 = -7,
        DigP7 = 15500,
        DigP8 = -14600,
        DigP9 = 6000,
        DigH1 = 75,
        DigH2 = 370,
        DigH3 = 0,
        DigH4 = 298,
        DigH5 = 50,
        DigH6 = 30,
    };

    public int DigT1 { get; init; }
    public int DigT2 { get; init; }
    public int DigT3 { get; init; }
    public int DigP1 { get; init; }
    public int DigP2 { get; init; }
    public int DigP3 { get; init; }
    public int DigP4 { get; init; }
    public int DigP5 { get; init; }
    public int DigP6 { get; init; }
    public int DigP7 { get; init; }
    public int DigP8 { get; init; }
    public int DigP9 { get; init; }
    public int DigH1 { get; init; }
    public int DigH2 { get; init; }
    public int DigH3 { get; init; }
    public int DigH4 { get; init; }
    public int DigH5 { get; init; }
    public int DigH6 { get; init; }

    /// <summary>Writes the parameters into a 256-register map as BME280 datasheet table 16 lays them out.</summary>
    public void WriteTo(Span<byte> registers)
    {
        PutLittleEndian(registers, 0x88, DigT1);
        PutLittleEndian(registers, 0x8A, DigT2);
        PutLittleEndian(registers, 0x8C, DigT3);
        PutLittleEndian(registers, 0x8E, DigP1);
        PutLittleEndian(registers, 0x90, DigP2);
        PutLittleEndian(registers, 0x92, DigP3);
        PutLittleEndian(registers, 0x94, DigP4);
        PutLittleEndian(registers, 0x96, DigP5);
        PutLittleEndian(registers, 0x98, DigP6);
        PutLittleEndian(registers, 0x9A, DigP7);
        PutLittleEndian(registers, 0x9C, DigP8);
        PutLittleEndian(registers, 0x9E, DigP9);
        registers[0xA1] = (byte)DigH1;
        PutLittleEndian(registers, 0xE1, DigH2);
        registers[0xE3] = (byte)DigH3;

        // dig_H4 and dig_H5 are 12-bit values sharing 0xE5: H4 = 0xE4 (bits 11..4) and 0xE5 bits 3..0,
        // H5 = 0xE5 bits 7..4 (its bits 3..0) and 0xE6 (bits 11..4).
        registers[0xE4] = (byte)(DigH4 >> 4);
        registers[0xE5] = (byte)((DigH4 & 0x0F) | ((DigH5 & 0x0F) << 4));
        registers[0xE6] = (byte)(DigH5 >> 4);
        registers[0xE7] = (byte)DigH6;
    }

    static void PutLittleEndian(Span<byte> registers, int register, int value)
    {
        registers[register] = (byte)value;
        registers[register + 1] = (byte)(value >> 8);
    }
}
