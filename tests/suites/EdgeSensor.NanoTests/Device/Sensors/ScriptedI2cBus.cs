using System;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>
/// A bus with one scripted device, for testing drivers against exact bytes rather than against a model:
/// a 256-register map read through a register pointer (BME280 style), a fixed reply for plain reads (SHT3x
/// style), a record of every write, and results forced on the next transfers. Portable: the NanoTests run it on
/// nanoCLR, and the desktop driver tests compile this same file for the simulated part's register checks.
/// </summary>
public sealed class ScriptedI2cBus : II2cBus
{
    const int MaxForced = 16;
    const int MaxWrites = 64;

    readonly I2cResult[] forced = new I2cResult[MaxForced];
    readonly byte[][] writes = new byte[MaxWrites][];
    int forcedHead;
    int forcedCount;
    int writeCount;
    int pointer;

    public readonly int Address;

    public readonly byte[] Registers = new byte[256];

    /// <summary>What a plain Read returns (the first bytes of it; 0xFF past its end).</summary>
    public byte[] ReadReply = new byte[0];

    public int Transfers;

    public ScriptedI2cBus(int address)
    {
        Address = address;
    }

    /// <summary>Write payloads recorded, including the write phase of a write-read.</summary>
    public int WriteCount { get { return writeCount; } }

    /// <summary>The <paramref name="index"/>th write payload, in order.</summary>
    public byte[] Written(int index)
    {
        if (index < 0 || index >= writeCount) throw new IndexOutOfRangeException("write " + index.ToString() + " of " + writeCount.ToString());
        return writes[index];
    }

    public byte[] LastWritten()
    {
        return Written(writeCount - 1);
    }

    public void ClearWrites()
    {
        for (int i = 0; i < writeCount; i++) writes[i] = null;
        writeCount = 0;
    }

    /// <summary>How many one-byte writes set the register pointer to <paramref name="register"/>.</summary>
    public int PointerWrites(int register)
    {
        int n = 0;
        for (int i = 0; i < writeCount; i++)
        {
            if (writes[i].Length == 1 && writes[i][0] == register) n++;
        }
        return n;
    }

    /// <summary>The next transfers end with these results, in order; force Ok to let one through first.</summary>
    public void Force(params I2cResult[] results)
    {
        for (int i = 0; i < results.Length; i++)
        {
            if (forcedCount == MaxForced) throw new InvalidOperationException("too many forced results");
            forced[(forcedHead + forcedCount) % MaxForced] = results[i];
            forcedCount++;
        }
    }

    public void PutLittleEndian(int register, int value)
    {
        Registers[register] = (byte)value;
        Registers[register + 1] = (byte)(value >> 8);
    }

    /// <summary>Stores raw values as the BME280 data registers 0xF7..0xFE hold them.</summary>
    public void PutBme280Data(int adcP, int adcT, int adcH)
    {
        Registers[0xF7] = (byte)(adcP >> 12);
        Registers[0xF8] = (byte)(adcP >> 4);
        Registers[0xF9] = (byte)((adcP & 0x0F) << 4);
        Registers[0xFA] = (byte)(adcT >> 12);
        Registers[0xFB] = (byte)(adcT >> 4);
        Registers[0xFC] = (byte)((adcT & 0x0F) << 4);
        Registers[0xFD] = (byte)(adcH >> 8);
        Registers[0xFE] = (byte)adcH;
    }

    public I2cResult Write(int address, byte[] data, int count)
    {
        I2cResult result = Begin(address);
        if (result != I2cResult.Ok) return result;

        Record(data, count);
        if (count == 1) pointer = data[0];
        return I2cResult.Ok;
    }

    public I2cResult Read(int address, byte[] buffer, int count)
    {
        I2cResult result = Begin(address);
        if (result == I2cResult.AddressNotAcknowledged) return result;

        int valid = result == I2cResult.PartialTransfer ? count / 2 : count;
        for (int i = 0; i < valid; i++) buffer[i] = i < ReadReply.Length ? ReadReply[i] : (byte)0xFF;
        return result;
    }

    public I2cResult WriteRead(int address, byte[] data, int writeCount, byte[] buffer, int readCount)
    {
        I2cResult result = Begin(address);
        if (result == I2cResult.AddressNotAcknowledged) return result;

        Record(data, writeCount);
        pointer = data[0];
        int valid = result == I2cResult.PartialTransfer ? readCount / 2 : readCount;
        for (int i = 0; i < valid; i++) buffer[i] = Registers[(pointer + i) & 0xFF];
        return result;
    }

    void Record(byte[] data, int count)
    {
        if (writeCount == MaxWrites) throw new InvalidOperationException("too many writes recorded: clear them");
        byte[] copy = new byte[count];
        Array.Copy(data, 0, copy, 0, count);
        writes[writeCount++] = copy;
    }

    I2cResult Begin(int address)
    {
        Transfers++;
        if (address != Address) return I2cResult.AddressNotAcknowledged;
        if (forcedCount == 0) return I2cResult.Ok;
        I2cResult result = forced[forcedHead];
        forcedHead = (forcedHead + 1) % MaxForced;
        forcedCount--;
        return result;
    }
}
