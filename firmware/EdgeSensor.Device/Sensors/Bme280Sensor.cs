using EdgeSensor.Device.Ports;

namespace EdgeSensor.Device.Sensors;

/// <summary>
/// A Bosch BME280 on I2C, one forced-mode measurement per reading at oversampling x1 for all three quantities.
/// The first Start checks the chip id and reads the trimming parameters; until that succeeds every Start fails
/// and tries again. Each Start then writes ctrl_hum and ctrl_meas (so a part that lost its configuration in a
/// brown-out recovers), and Collect reads the eight data registers in one burst and compensates them.
/// </summary>
public sealed class Bme280Sensor : ISensor
{
    /// <summary>SDO pin low.</summary>
    public const int DefaultAddress = 0x76;

    /// <summary>SDO pin high.</summary>
    public const int AlternateAddress = 0x77;

    public const int ChipIdRegister = 0xD0;
    public const int ChipId = 0x60;
    public const int CtrlHumRegister = 0xF2;
    public const int CtrlMeasRegister = 0xF4;
    public const int DataRegister = 0xF7;

    /// <summary>osrs_h = 001: humidity oversampling x1.</summary>
    public const byte CtrlHumOversamplingX1 = 0x01;

    /// <summary>osrs_t = 001, osrs_p = 001, mode = 01: one forced measurement at x1, then back to sleep.</summary>
    public const byte CtrlMeasForcedX1 = 0x25;

    /// <summary>
    /// Datasheet section 9.1: maximum measurement time 1.25 + 2.3 * osrs_t + (2.3 * osrs_p + 0.575)
    /// + (2.3 * osrs_h + 0.575) ms, which is 9.3 ms at x1/x1/x1.
    /// </summary>
    public const int MeasurementWaitMs = 10;

    const int DataLength = 8;

    // What the data registers hold when a quantity was skipped or never measured (their reset values).
    const int SkippedPressureOrTemperature = 0x80000;
    const int SkippedHumidity = 0x8000;

    static readonly SensorQuantity[] All = new SensorQuantity[]
    {
        SensorQuantity.TemperatureC, SensorQuantity.HumidityPercent, SensorQuantity.PressureHpa,
    };

    readonly string name;
    readonly II2cBus bus;
    readonly int address;
    readonly Bme280Calibration calibration = new Bme280Calibration();
    readonly byte[] registerPointer = new byte[1];

    // What register reads return: the chip id, the first trimming block, then the measurements (the largest is
    // the trimming block); the humidity block is read beside the first one, as Load decodes both together.
    readonly byte[] registers = new byte[Bme280Calibration.PrimaryBlockLength];
    readonly byte[] humidityCalibration = new byte[Bme280Calibration.HumidityBlockLength];

    // One write of register/value pairs; the datasheet's I2C write takes any number of pairs, applied in order,
    // and ctrl_hum only takes effect with the ctrl_meas write that follows it.
    readonly byte[] forcedMeasurement = new byte[4];
    bool calibrated;
    bool measuring;

    public Bme280Sensor(string name, II2cBus bus, int address)
    {
        if (bus == null) throw new System.ArgumentNullException("bus");
        if (address != DefaultAddress && address != AlternateAddress)
            throw new System.ArgumentOutOfRangeException("address", "A BME280 answers at 0x76 or 0x77.");

        this.name = name;
        this.bus = bus;
        this.address = address;
        forcedMeasurement[0] = CtrlHumRegister;
        forcedMeasurement[1] = CtrlHumOversamplingX1;
        forcedMeasurement[2] = CtrlMeasRegister;
        forcedMeasurement[3] = CtrlMeasForcedX1;
    }

    public string Name => name;

    public SensorQuantity[] Quantities => All;

    public int Start(long nowMs)
    {
        measuring = false;
        if (!calibrated && !Setup()) return -1;

        I2cResult result = bus.Write(address, forcedMeasurement, forcedMeasurement.Length);
        if (result != I2cResult.Ok)
        {
            ForgetDeviceIfGone(result);
            return -1;
        }

        measuring = true;
        return MeasurementWaitMs;
    }

    public bool Collect(double[] values, int offset)
    {
        if (!measuring) return false;

        // Each measurement is read once: a second Collect must not hand out the same values again.
        measuring = false;
        byte[] data = registers;
        I2cResult result = ReadRegisters(DataRegister, data, DataLength);
        if (result != I2cResult.Ok)
        {
            ForgetDeviceIfGone(result);
            return false;
        }

        int adcP = (data[0] << 12) | (data[1] << 4) | (data[2] >> 4);
        int adcT = (data[3] << 12) | (data[4] << 4) | (data[5] >> 4);
        int adcH = (data[6] << 8) | data[7];
        if (adcP == SkippedPressureOrTemperature || adcT == SkippedPressureOrTemperature || adcH == SkippedHumidity)
            return false;

        int tFine;
        int centiDegrees = calibration.CompensateTemperature(adcT, out tFine);
        int pressureQ8 = calibration.CompensatePressure(adcP, tFine);
        if (pressureQ8 <= 0) return false;

        values[offset] = centiDegrees / 100.0;
        values[offset + 1] = calibration.CompensateHumidity(adcH, tFine) / 1024.0;
        values[offset + 2] = pressureQ8 / 25600.0;
        return true;
    }

    /// <summary>Checks the chip id and reads the trimming parameters; false (try again next time) when either fails.</summary>
    bool Setup()
    {
        if (ReadRegisters(ChipIdRegister, registers, 1) != I2cResult.Ok || registers[0] != ChipId) return false;
        if (ReadRegisters(Bme280Calibration.PrimaryBlockRegister, registers, registers.Length) != I2cResult.Ok) return false;
        if (ReadRegisters(Bme280Calibration.HumidityBlockRegister, humidityCalibration, humidityCalibration.Length) != I2cResult.Ok) return false;

        calibrated = calibration.Load(registers, 0, humidityCalibration, 0);
        return calibrated;
    }

    /// <summary>
    /// A part that stops acknowledging was unplugged or lost power, and may come back as another part with other
    /// trimming: check the chip id and read the trimming again before trusting it.
    /// </summary>
    void ForgetDeviceIfGone(I2cResult result)
    {
        if (result == I2cResult.AddressNotAcknowledged) calibrated = false;
    }

    I2cResult ReadRegisters(int register, byte[] buffer, int count)
    {
        registerPointer[0] = (byte)register;
        return bus.WriteRead(address, registerPointer, 1, buffer, count);
    }
}
