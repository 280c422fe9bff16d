namespace EdgeSensor.SimulatedBoard;

/// <summary>What can go wrong with transfers to one device on a <see cref="SimulatedI2cBus"/>.</summary>
public enum SimulatedI2cFault
{
    None,

    /// <summary>The device does not acknowledge its address: nothing reaches it, the transfer fails.</summary>
    Nack,

    /// <summary>
    /// The transfer stops half-way: a write delivers only its first half to the device, a read returns only
    /// the first half of the bytes asked for (the rest zeroed).
    /// </summary>
    PartialTransfer,

    /// <summary>A measurement read arrives with a damaged CRC byte (SHT3x). Counts only reads it damaged.</summary>
    CorruptCrc,

    /// <summary>A read of the chip-id register returns another part's id (BME280). Counts only reads it damaged.</summary>
    WrongChipId,
}
