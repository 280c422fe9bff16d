using EdgeSensor.Device.Ports;

namespace EdgeSensor.Device.Sensors;

/// <summary>
/// A Sensirion SHT3x (SHT30/31/35) on I2C, read in single-shot mode, high repeatability, without clock
/// stretching (so the bus is never held during the conversion): Start sends the measurement command, Collect
/// reads the six-byte result. Each 16-bit word carries its own CRC-8; a mismatch is a failed read.
/// </summary>
public sealed class Sht3xSensor : ISensor
{
    /// <summary>ADDR pin low.</summary>
    public const int DefaultAddress = 0x44;

    /// <summary>ADDR pin high.</summary>
    public const int AlternateAddress = 0x45;

    /// <summary>The datasheet's maximum duration of a high-repeatability measurement is 15 ms; one more for margin.</summary>
    public const int ConversionWaitMs = 16;

    const int ResultLength = 6;

    readonly string name;
    readonly II2cBus bus;
    readonly int address;
    readonly byte[] measureCommand = new byte[2];
    readonly byte[] result = new byte[ResultLength];
    bool measuring;

    public Sht3xSensor(string name, II2cBus bus, int address)
    {
        if (bus == null) throw new System.ArgumentNullException("bus");
        if (address != DefaultAddress && address != AlternateAddress)
            throw new System.ArgumentOutOfRangeException("address", "An SHT3x answers at 0x44 or 0x45.");

        this.name = name;
        this.bus = bus;
        this.address = address;
        measureCommand[0] = 0x24; // 0x2400: single shot, high repeatability, no clock stretching
    }

    public string Name => name;

    public SensorQuantity[] Quantities => SensorQuantity.TemperatureAndHumidity;

    public int Start(long nowMs)
    {
        measuring = bus.Write(address, measureCommand, measureCommand.Length) == I2cResult.Ok;
        return measuring ? ConversionWaitMs : -1;
    }

    public bool Collect(double[] values, int offset)
    {
        if (!measuring) return false;

        // Each measurement is read once: a second Collect must not hand out the same values again.
        measuring = false;
        if (bus.Read(address, result, ResultLength) != I2cResult.Ok) return false;
        if (Crc8.Compute(result, 0, 2) != result[2] || Crc8.Compute(result, 3, 2) != result[5]) return false;

        values[offset] = TemperatureFromRaw((result[0] << 8) | result[1]);
        values[offset + 1] = HumidityFromRaw((result[3] << 8) | result[4]);
        return true;
    }

    /// <summary>Datasheet section 4.13: T = -45 + 175 * S_T / (2^16 - 1).</summary>
    public static double TemperatureFromRaw(int raw) => -45.0 + 175.0 * raw / 65535.0;

    /// <summary>Datasheet section 4.13: RH = 100 * S_RH / (2^16 - 1).</summary>
    public static double HumidityFromRaw(int raw) => 100.0 * raw / 65535.0;
}
