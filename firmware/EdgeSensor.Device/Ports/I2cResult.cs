namespace EdgeSensor.Device.Ports;

/// <summary>How an I2C transfer ended. Anything but Ok is a failed read, never an exception.</summary>
public enum I2cResult
{
    Ok,

    /// <summary>No device acknowledged the address (absent, unpowered, wrong address).</summary>
    AddressNotAcknowledged,

    /// <summary>Fewer bytes moved than asked for.</summary>
    PartialTransfer,
    BusError,
}
