using System;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.SimulatedBoard;

/// <summary>A device on a <see cref="SimulatedI2cBus"/>, seen the way the bus sees it: transfers addressed to it.</summary>
public interface II2cDeviceModel
{
    /// <summary>A write transfer (command bytes, or a register pointer and register/value pairs).</summary>
    I2cResult Write(ReadOnlySpan<byte> data);

    /// <summary>A read transfer; fills all of <paramref name="buffer"/> when it returns Ok.</summary>
    I2cResult Read(Span<byte> buffer);

    /// <summary>
    /// Damages what the last <see cref="Read"/> returned the way <paramref name="fault"/> describes, when that
    /// fault applies to that read (a CRC fault to a measurement, a chip-id fault to the id register). False, and
    /// the data untouched, when it does not.
    /// </summary>
    bool Corrupt(SimulatedI2cFault fault, Span<byte> readData);
}
