using System;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// An SHT3x at command level: the single-shot, high-repeatability, no-clock-stretching command (0x24 0x00)
/// takes a measurement of <see cref="TemperatureC"/> and <see cref="HumidityPercent"/>; the next read returns it
/// as the datasheet's six bytes (T msb, T lsb, CRC, RH msb, RH lsb, CRC). Like the real part, it does not
/// acknowledge a read when it holds no measurement (none taken, or already read), and any other command
/// discards the measurement it holds.
/// </summary>
public sealed class Sht3xModel : II2cDeviceModel
{
    public const byte MeasureCommandMsb = 0x24;
    public const byte MeasureCommandLsb = 0x00;
    public const int ResultLength = 6;

    readonly byte[] result = new byte[ResultLength];
    bool holdsResult;

    /// <summary>What the next measurement reads; the part's range is -40..125 °C, raw values saturate at -45..130 °C.</summary>
    public double TemperatureC { get; set; } = 21.5;

    public double HumidityPercent { get; set; } = 45.0;

    public int MeasurementCount { get; private set; }

    public I2cResult Write(ReadOnlySpan<byte> data)
    {
        holdsResult = false;
        if (data.Length == 2 && data[0] == MeasureCommandMsb && data[1] == MeasureCommandLsb)
        {
            Measure();
        }

        return I2cResult.Ok;
    }

    public I2cResult Read(Span<byte> buffer)
    {
        if (!holdsResult) return I2cResult.AddressNotAcknowledged;

        holdsResult = false;
        int fromResult = Math.Min(buffer.Length, ResultLength);
        result.AsSpan(0, fromResult).CopyTo(buffer);

        // Past the result the sensor sends nothing: the master reads released (high) lines.
        buffer[fromResult..].Fill(0xFF);
        return I2cResult.Ok;
    }

    public bool Corrupt(SimulatedI2cFault fault, Span<byte> readData)
    {
        if (fault != SimulatedI2cFault.CorruptCrc || readData.Length < 3) return false;

        // One flipped bit: the CRC-8 catches every single-bit error.
        readData[2] ^= 0x01;
        return true;
    }

    /// <summary>Datasheet section 4.13 solved for the raw value: S_T = (T + 45) * 65535 / 175, rounded.</summary>
    public static int RawTemperature(double celsius)
    {
        return RawWord((celsius + 45.0) * 65535.0 / 175.0);
    }

    /// <summary>Datasheet section 4.13 solved for the raw value: S_RH = RH * 65535 / 100, rounded.</summary>
    public static int RawHumidity(double percent)
    {
        return RawWord(percent * 65535.0 / 100.0);
    }

    void Measure()
    {
        PutWord(0, RawTemperature(TemperatureC));
        PutWord(3, RawHumidity(HumidityPercent));
        holdsResult = true;
        MeasurementCount++;
    }

    void PutWord(int offset, int word)
    {
        result[offset] = (byte)(word >> 8);
        result[offset + 1] = (byte)word;
        result[offset + 2] = Crc8.Compute(result, offset, 2);
    }

    static int RawWord(double value)
    {
        return (int)Math.Clamp(Math.Round(value), 0, 65535);
    }
}
