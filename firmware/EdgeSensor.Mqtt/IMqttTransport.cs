namespace EdgeSensor.Mqtt
{
    /// <summary>
    /// A byte stream to the broker: TCP or TLS, on the desktop or on the device. Failures are thrown;
    /// the client treats any exception as the end of the connection.
    /// </summary>
    public interface IMqttTransport
    {
        void Open(int timeoutMs);

        /// <summary>Reads what is available, waiting at most <paramref name="timeoutMs"/>: bytes read, 0 on timeout, -1 when the peer closed.</summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);

        void Close();
    }
}
