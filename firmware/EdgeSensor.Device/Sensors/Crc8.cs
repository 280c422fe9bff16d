namespace EdgeSensor.Device.Sensors;

/// <summary>
/// The CRC-8 Sensirion sensors append to every data word (SHT3x datasheet, table 20): polynomial 0x31
/// (x^8 + x^5 + x^4 + 1), initial value 0xFF, no reflection, no final XOR. CRC(0xBEEF) = 0x92.
/// </summary>
public static class Crc8
{
    const int Polynomial = 0x31;
    const int Initial = 0xFF;

    public static byte Compute(byte[] data, int offset, int count)
    {
        int crc = Initial;
        int end = offset + count;
        for (int i = offset; i < end; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++) crc = (crc & 0x80) != 0 ? (crc << 1) ^ Polynomial : crc << 1;

            crc &= 0xFF;
        }

        return (byte)crc;
    }
}
