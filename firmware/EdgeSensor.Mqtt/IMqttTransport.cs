namespace EdgeSensor.Mqtt;

/// <summary>
/// A byte stream to the broker: TCP or TLS, on the desktop or on the device. Failures are thrown;
/// the client treats any exception as the end of the connection.
/// </summary>
public interface IMqttTransport
{
    void Open(int timeoutMs);

    /// <summary>Reads what is available, waiting at most <paramref name="timeoutMs"/>: bytes read, 0 on timeout, -1 when the peer closed.</summary>
    int Read(byte[] buffer, int offset, int count, int timeoutMs);

    /// <summary>
    /// Writes what the peer takes within <paramref name="timeoutMs"/> (0: only what fits now): the bytes written, from 0
    /// to <paramref name="count"/>. Never blocks longer, so that a peer that stops reading cannot hold a writer.
    /// </summary>
    int Write(byte[] buffer, int offset, int count, int timeoutMs);

    void Close();
}
