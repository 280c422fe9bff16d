using System;
using System.Collections.Generic;
using System.Threading;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// An I2C bus with device models at 7-bit addresses. Faults are injected per device, for the next N transfers
/// they apply to or until cleared. Transfers allocate nothing, so drivers can be allocation-tested over it.
/// Safe to use from several threads (the harness sets faults while the device loop reads).
/// </summary>
public sealed class SimulatedI2cBus : II2cBus
{
    /// <summary>A fault count meaning: until <see cref="ClearFault"/>.</summary>
    public const int UntilCleared = -1;

    readonly Lock gate = new();
    readonly Dictionary<int, AttachedDevice> devices = new();

    public void Attach(int address, II2cDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (address < 0x08 || address > 0x77)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "7-bit I2C addresses outside the reserved ranges are 0x08..0x77.");
        }

        lock (gate)
        {
            if (!devices.TryAdd(address, new AttachedDevice(model)))
            {
                throw new InvalidOperationException($"Address 0x{address:X2} already has a device on this bus.");
            }
        }
    }

    /// <summary>The model at <paramref name="address"/>, or null.</summary>
    public II2cDeviceModel DeviceAt(int address)
    {
        lock (gate)
        {
            return devices.TryGetValue(address, out AttachedDevice device) ? device.Model : null;
        }
    }

    /// <summary>Makes the next <paramref name="transfers"/> transfers to the device fail as <paramref name="fault"/> says (replacing any fault set before).</summary>
    public void InjectFault(int address, SimulatedI2cFault fault, int transfers = UntilCleared)
    {
        if (transfers == 0 || transfers < UntilCleared)
        {
            throw new ArgumentOutOfRangeException(nameof(transfers), transfers, "A positive count, or UntilCleared.");
        }

        lock (gate)
        {
            AttachedDevice device = Device(address);
            device.Fault = fault;
            device.FaultsLeft = transfers;
        }
    }

    public void ClearFault(int address)
    {
        lock (gate)
        {
            Device(address).Fault = SimulatedI2cFault.None;
        }
    }

    public SimulatedI2cFault ActiveFault(int address)
    {
        lock (gate)
        {
            return Device(address).Fault;
        }
    }

    /// <summary>Transfers addressed to the device so far, failed ones included.</summary>
    public int TransferCount(int address)
    {
        lock (gate)
        {
            return Device(address).Transfers;
        }
    }

    public I2cResult Write(int address, byte[] data, int count)
    {
        return Transfer(address, new ReadOnlySpan<byte>(data, 0, count), Span<byte>.Empty);
    }

    public I2cResult Read(int address, byte[] buffer, int count)
    {
        return Transfer(address, ReadOnlySpan<byte>.Empty, new Span<byte>(buffer, 0, count));
    }

    public I2cResult WriteRead(int address, byte[] data, int writeCount, byte[] buffer, int readCount)
    {
        return Transfer(address, new ReadOnlySpan<byte>(data, 0, writeCount), new Span<byte>(buffer, 0, readCount));
    }

    I2cResult Transfer(int address, ReadOnlySpan<byte> write, Span<byte> read)
    {
        lock (gate)
        {
            if (!devices.TryGetValue(address, out AttachedDevice device)) return I2cResult.AddressNotAcknowledged;

            device.Transfers++;
            switch (device.Fault)
            {
                case SimulatedI2cFault.Nack:
                    device.UseOneFault();
                    return I2cResult.AddressNotAcknowledged;
                case SimulatedI2cFault.PartialTransfer:
                    device.UseOneFault();
                    return TransferHalf(device.Model, write, read);
            }

            if (!write.IsEmpty)
            {
                I2cResult written = device.Model.Write(write);
                if (written != I2cResult.Ok || read.IsEmpty) return written;
            }

            I2cResult result = device.Model.Read(read);
            if (result == I2cResult.Ok && device.Fault != SimulatedI2cFault.None && device.Model.Corrupt(device.Fault, read))
            {
                device.UseOneFault();
            }

            return result;
        }
    }

    static I2cResult TransferHalf(II2cDeviceModel model, ReadOnlySpan<byte> write, Span<byte> read)
    {
        if (read.IsEmpty)
        {
            model.Write(write[..(write.Length / 2)]);
            return I2cResult.PartialTransfer;
        }

        // A write-read that breaks off during the read: the device got the register pointer and started sending.
        if (!write.IsEmpty)
        {
            I2cResult written = model.Write(write);
            if (written != I2cResult.Ok) return written;
        }

        I2cResult result = model.Read(read);
        if (result != I2cResult.Ok) return result;

        read[(read.Length / 2)..].Clear();
        return I2cResult.PartialTransfer;
    }

    AttachedDevice Device(int address)
    {
        if (!devices.TryGetValue(address, out AttachedDevice device))
        {
            throw new KeyNotFoundException($"No device at 0x{address:X2} on this bus.");
        }

        return device;
    }

    sealed class AttachedDevice
    {
        public AttachedDevice(II2cDeviceModel model)
        {
            Model = model;
        }

        public II2cDeviceModel Model { get; }

        public SimulatedI2cFault Fault { get; set; }

        public int FaultsLeft { get; set; }

        public int Transfers { get; set; }

        public void UseOneFault()
        {
            if (FaultsLeft == UntilCleared) return;
            FaultsLeft--;
            if (FaultsLeft == 0) Fault = SimulatedI2cFault.None;
        }
    }
}
