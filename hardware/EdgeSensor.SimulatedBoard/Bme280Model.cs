using System;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// A BME280 at register level: chip id 0x60 at 0xD0, trimming parameters at 0x88..0xA1 and 0xE1..0xE7, the
/// control registers, and the data registers 0xF7..0xFE. A write is a register pointer followed by
/// register/value pairs (datasheet section 6.2.1); reads auto-increment from the pointer. Writing ctrl_meas
/// with a measuring mode takes one measurement of <see cref="TemperatureC"/>, <see cref="PressureHpa"/> and
/// <see cref="HumidityPercent"/> at once (with the ctrl_hum setting written before it) and, in forced mode,
/// returns to sleep. Data registers keep their reset values (0x80000 / 0x8000) until a measurement, and skipped
/// quantities (oversampling 0) read as those values too, as on the real part.
/// </summary>
public sealed class Bme280Model : II2cDeviceModel
{
    public const byte ChipIdValue = 0x60;

    /// <summary>What a read of the chip id returns under <see cref="SimulatedI2cFault.WrongChipId"/>: a BMP280's id.</summary>
    public const byte WrongChipIdValue = 0x58;

    public const int ChipIdRegister = 0xD0;
    public const int ResetRegister = 0xE0;
    public const int CtrlHumRegister = 0xF2;
    public const int StatusRegister = 0xF3;
    public const int CtrlMeasRegister = 0xF4;
    public const int ConfigRegister = 0xF5;
    public const int DataRegister = 0xF7;
    public const byte ResetCommand = 0xB6;

    const int SkippedPressureOrTemperature = 0x80000;
    const int SkippedHumidity = 0x8000;

    readonly byte[] registers = new byte[256];
    readonly Bme280ReferenceCompensation reference;
    int pointer;
    int lastReadStart = -1;
    int latchedCtrlHum;

    public Bme280Model()
        : this(Bme280CalibrationSet.DatasheetExample)
    {
    }

    public Bme280Model(Bme280CalibrationSet calibration)
    {
        Calibration = calibration ?? throw new ArgumentNullException(nameof(calibration));
        reference = new Bme280ReferenceCompensation(calibration);
        PowerOnReset();
    }

    public Bme280CalibrationSet Calibration { get; }

    public double TemperatureC { get; set; } = 21.5;

    public double HumidityPercent { get; set; } = 45.0;

    public double PressureHpa { get; set; } = 1013.25;

    public int MeasurementCount { get; private set; }

    /// <summary>A register's current content, as a read would return it.</summary>
    public byte Register(int register)
    {
        return registers[register];
    }

    /// <summary>What power-up or the soft-reset command leaves: control registers cleared, data registers at their reset values.</summary>
    public void PowerOnReset()
    {
        Array.Clear(registers);
        registers[ChipIdRegister] = ChipIdValue;
        Calibration.WriteTo(registers);
        StoreData(SkippedPressureOrTemperature, SkippedPressureOrTemperature, SkippedHumidity);
        pointer = 0;
        latchedCtrlHum = 0;
    }

    public I2cResult Write(ReadOnlySpan<byte> data)
    {
        int next = 0;
        while (data.Length - next >= 2)
        {
            WriteRegister(data[next], data[next + 1]);
            next += 2;
        }

        if (next < data.Length) pointer = data[next];
        return I2cResult.Ok;
    }

    public I2cResult Read(Span<byte> buffer)
    {
        lastReadStart = pointer;
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = registers[pointer];
            pointer = (pointer + 1) & 0xFF;
        }

        return I2cResult.Ok;
    }

    public bool Corrupt(SimulatedI2cFault fault, Span<byte> readData)
    {
        if (fault != SimulatedI2cFault.WrongChipId || lastReadStart != ChipIdRegister || readData.IsEmpty) return false;

        readData[0] = WrongChipIdValue;
        return true;
    }

    void WriteRegister(int register, byte value)
    {
        switch (register)
        {
            case ResetRegister:
                if (value == ResetCommand) PowerOnReset();
                break;
            case CtrlHumRegister:
                registers[CtrlHumRegister] = (byte)(value & 0x07);
                break;
            case CtrlMeasRegister:
                WriteCtrlMeas(value);
                break;
            case ConfigRegister:
                registers[ConfigRegister] = (byte)(value & 0xFD);
                break;

                // Everything else is read-only or reserved: the part ignores the write.
        }
    }

    void WriteCtrlMeas(byte value)
    {
        registers[CtrlMeasRegister] = value;

        // Datasheet section 5.4.3: changes to ctrl_hum take effect only after a write to ctrl_meas.
        latchedCtrlHum = registers[CtrlHumRegister];
        int mode = value & 0x03;
        if (mode == 0) return;

        Measure();

        // Forced mode (01 or 10) measures once and goes back to sleep; normal mode (11) keeps its last result here.
        if (mode != 0x03) registers[CtrlMeasRegister] = (byte)(value & 0xFC);
    }

    void Measure()
    {
        int ctrlMeas = registers[CtrlMeasRegister];
        int temperatureOversampling = (ctrlMeas >> 5) & 0x07;
        int pressureOversampling = (ctrlMeas >> 2) & 0x07;
        int humidityOversampling = latchedCtrlHum & 0x07;

        int adcT = Bme280RawSearch.AdcTemperature(reference, TemperatureC, temperatureOversampling);
        reference.Temperature(adcT, out int tFine);
        int adcP = pressureOversampling == 0
            ? SkippedPressureOrTemperature
            : Bme280RawSearch.AdcPressure(reference, PressureHpa * 100.0, tFine, pressureOversampling);
        int adcH = humidityOversampling == 0
            ? SkippedHumidity
            : Bme280RawSearch.AdcHumidity(reference, HumidityPercent, tFine);
        if (temperatureOversampling == 0) adcT = SkippedPressureOrTemperature;

        StoreData(adcP, adcT, adcH);
        MeasurementCount++;
    }

    void StoreData(int adcP, int adcT, int adcH)
    {
        Store20Bit(DataRegister, adcP);
        Store20Bit(DataRegister + 3, adcT);
        registers[DataRegister + 6] = (byte)(adcH >> 8);
        registers[DataRegister + 7] = (byte)adcH;
    }

    void Store20Bit(int register, int value)
    {
        registers[register] = (byte)(value >> 12);
        registers[register + 1] = (byte)(value >> 4);
        registers[register + 2] = (byte)((value & 0x0F) << 4);
    }
}
