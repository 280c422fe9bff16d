namespace EdgeSensor.Mqtt.Codec;

/// <summary>Network byte order for the 16-bit fields of MQTT, without allocating (BitConverter does).</summary>
public static class BigEndian
{
    public static void WriteUInt16(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 8);
        buffer[offset + 1] = (byte)value;
    }

    public static int ReadUInt16(byte[] buffer, int offset) => (buffer[offset] << 8) | buffer[offset + 1];
}
