namespace EdgeSensor.Device.Ports;

/// <summary>
/// One I2C bus, by 7-bit device address. Written against by the SHT3x and BME280 drivers; the ESP32 project
/// implements it with System.Device.I2c, the simulated board with register models.
/// </summary>
public interface II2cBus
{
    I2cResult Write(int address, byte[] data, int count);

    I2cResult Read(int address, byte[] buffer, int count);

    /// <summary>A write followed by a repeated-start read: how register-based devices are read.</summary>
    I2cResult WriteRead(int address, byte[] data, int writeCount, byte[] buffer, int readCount);
}
