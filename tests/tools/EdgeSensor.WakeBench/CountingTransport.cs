using System.Diagnostics;
using EdgeSensor.Mqtt;

namespace EdgeSensor.WakeBench;

/// <summary>
/// A transport that counts what one wake puts on the wire: bytes each way, round trips (the client sent, then waited
/// for bytes: CONNECT/CONNACK is one, a burst of PUBLISHes and their PUBACKs another; a DISCONNECT has no answer), and
/// the time from opening the connection ("network up") to the last write, the DISCONNECT.
/// </summary>
sealed class CountingTransport : IMqttTransport
{
    readonly IMqttTransport inner;
    long openedAt = -1;
    long lastWriteAt;
    long lastReadAt;
    long firstReadAt = -1;
    bool sentSinceRead;

    public CountingTransport(IMqttTransport inner) => this.inner = inner;

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    public int RoundTrips { get; private set; }

    /// <summary>From the first Open to the last write (microseconds).</summary>
    public double NetworkUpToLastWriteUs => openedAt < 0 ? -1 : (lastWriteAt - openedAt) * 1e6 / Stopwatch.Frequency;

    /// <summary>From the first Open to the first bytes received, the CONNACK (microseconds).</summary>
    public double NetworkUpToConnackUs => (firstReadAt - openedAt) * 1e6 / Stopwatch.Frequency;

    /// <summary>From the first Open to the last bytes received, the last PUBACK (microseconds).</summary>
    public double NetworkUpToLastReadUs => (lastReadAt - openedAt) * 1e6 / Stopwatch.Frequency;

    public void Open(int timeoutMs)
    {
        if (openedAt < 0) openedAt = Stopwatch.GetTimestamp();
        inner.Open(timeoutMs);
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int read = inner.Read(buffer, offset, count, timeoutMs);
        if (read <= 0) return read;
        BytesReceived += read;
        lastReadAt = Stopwatch.GetTimestamp();
        if (firstReadAt < 0) firstReadAt = lastReadAt;
        if (sentSinceRead) RoundTrips++;
        sentSinceRead = false;
        return read;
    }

    public int Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int written = inner.Write(buffer, offset, count, timeoutMs);
        if (written <= 0) return written;
        BytesSent += written;
        sentSinceRead = true;
        lastWriteAt = Stopwatch.GetTimestamp();
        return written;
    }

    public void Close() => inner.Close();
}
