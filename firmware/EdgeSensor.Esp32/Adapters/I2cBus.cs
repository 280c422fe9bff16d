using System;
using System.Device.I2c;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Ports;
using nanoFramework.Hardware.Esp32;

namespace EdgeSensor.Esp32.Adapters;

/// <summary>
/// One ESP32 I2C controller (bus 1 or 2) on the pins its config names. System.Device.I2c addresses a device per
/// I2cDevice, so one is opened per 7-bit address on first use and kept.
/// </summary>
sealed class I2cBus : II2cBus
{
    readonly int busId;
    readonly I2cDevice[] devices = new I2cDevice[128];

    I2cBus(int busId)
    {
        this.busId = busId;
    }

    /// <summary>Routes SDA and SCL to the bus's controller; must happen before any I2cDevice on the bus is opened.</summary>
    public static I2cBus Open(I2cBusConfig config)
    {
        if (config.Bus == 1)
        {
            Configuration.SetPinFunction(config.SdaPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(config.SclPin, DeviceFunction.I2C1_CLOCK);
        }
        else if (config.Bus == 2)
        {
            Configuration.SetPinFunction(config.SdaPin, DeviceFunction.I2C2_DATA);
            Configuration.SetPinFunction(config.SclPin, DeviceFunction.I2C2_CLOCK);
        }
        else
        {
            throw new ArgumentException("the ESP32 has I2C buses 1 and 2, not " + config.Bus.ToString());
        }

        return new I2cBus(config.Bus);
    }

    public int Id { get { return busId; } }

    public I2cResult Write(int address, byte[] data, int count)
    {
        I2cDevice device = DeviceAt(address);
        if (device == null) return I2cResult.BusError;
        return ToResult(device.Write(new SpanByte(data, 0, count)));
    }

    public I2cResult Read(int address, byte[] buffer, int count)
    {
        I2cDevice device = DeviceAt(address);
        if (device == null) return I2cResult.BusError;
        return ToResult(device.Read(new SpanByte(buffer, 0, count)));
    }

    public I2cResult WriteRead(int address, byte[] data, int writeCount, byte[] buffer, int readCount)
    {
        I2cDevice device = DeviceAt(address);
        if (device == null) return I2cResult.BusError;
        return ToResult(device.WriteRead(new SpanByte(data, 0, writeCount), new SpanByte(buffer, 0, readCount)));
    }

    I2cDevice DeviceAt(int address)
    {
        if (address < 0 || address >= devices.Length) return null;
        if (devices[address] == null)
        {
            try
            {
                devices[address] = I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.StandardMode));
            }
            catch (Exception)
            {
                // A failed read is reported as such, never as an exception (see I2cResult); the next call tries again.
                return null;
            }
        }

        return devices[address];
    }

    static I2cResult ToResult(I2cTransferResult result)
    {
        switch (result.Status)
        {
            case I2cTransferStatus.FullTransfer: return I2cResult.Ok;
            case I2cTransferStatus.SlaveAddressNotAcknowledged: return I2cResult.AddressNotAcknowledged;
            case I2cTransferStatus.PartialTransfer: return I2cResult.PartialTransfer;
            default: return I2cResult.BusError;
        }
    }
}
