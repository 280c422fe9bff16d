namespace EdgeSensor.Mqtt;

/// <summary>
/// A payload the application produces while the client sends it, for messages larger than the send buffer and the
/// outbox (a log, a picture): the client asks for it in pieces no larger than the send buffer, from the start, and
/// from the start again whenever it sends the message again (after a reconnect, with DUP). Until OnPublishCompleted
/// reports the message, the same position must give the same bytes. Read runs under the client's lock on the thread
/// that writes (the publishing one or the I/O thread): it must return promptly and must not call the client.
/// </summary>
public interface IMqttPayloadSource
{
    /// <summary>
    /// Copies at most <paramref name="count"/> payload bytes from <paramref name="position"/> into
    /// <paramref name="buffer"/> at <paramref name="offset"/> and returns how many, at least 1 while bytes remain. Zero,
    /// a negative count or an exception means the source failed: the connection closes (the broker holds part of the
    /// packet) and the message is dropped with <see cref="MqttPublishOutcome.SourceFailed"/>.
    /// </summary>
    int Read(int position, byte[] buffer, int offset, int count);
}
