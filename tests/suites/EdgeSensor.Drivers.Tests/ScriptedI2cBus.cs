using System;
using System.Collections.Generic;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.Drivers.Tests
{
    /// <summary>
    /// A bus with one scripted device, for testing drivers against exact bytes rather than against a model:
    /// a 256-register map read through a register pointer (BME280 style), a fixed reply for plain reads (SHT3x
    /// style), a record of every write, and results forced on the next transfers.
    /// </summary>
    internal sealed class ScriptedI2cBus : II2cBus
    {
        private readonly Queue<I2cResult> forcedResults = new();
        private int pointer;

        public ScriptedI2cBus(int address)
        {
            Address = address;
        }

        public int Address { get; }

        public byte[] Registers { get; } = new byte[256];

        /// <summary>What a plain Read returns (the first bytes of it).</summary>
        public byte[] ReadReply { get; set; } = Array.Empty<byte>();

        /// <summary>Every write payload in order, including the write phase of a write-read.</summary>
        public List<byte[]> Writes { get; } = new();

        public int Transfers { get; private set; }

        /// <summary>The next transfer ends with <paramref name="result"/>; queue Ok to let one through first.</summary>
        public void Force(params I2cResult[] results)
        {
            foreach (I2cResult result in results) forcedResults.Enqueue(result);
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

            Writes.Add(data.AsSpan(0, count).ToArray());
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

            Writes.Add(data.AsSpan(0, writeCount).ToArray());
            pointer = data[0];
            int valid = result == I2cResult.PartialTransfer ? readCount / 2 : readCount;
            for (int i = 0; i < valid; i++) buffer[i] = Registers[(pointer + i) & 0xFF];
            return result;
        }

        private I2cResult Begin(int address)
        {
            Transfers++;
            if (address != Address) return I2cResult.AddressNotAcknowledged;
            return forcedResults.Count > 0 ? forcedResults.Dequeue() : I2cResult.Ok;
        }
    }
}
