using System;

namespace EdgeSensor.Mqtt.Session;

/// <summary>
/// The one QoS 1/2 message whose payload stays with the application (<see cref="IMqttPayloadSource"/>): the outbox
/// holds its header alone (fixed header, topic, packet identifier) and the payload is copied into the send buffer as
/// the transport frees it. A packet is never interleaved with another, so from its header to its last byte the send
/// buffer takes nothing else. The source is held from the publish call until the flow completes: every reconnect
/// before that reads it again from the start.
/// </summary>
sealed class StreamedPayload
{
    const int Idle = -1;
    const int Failed = -2;

    IMqttPayloadSource source;
    int length;
    int position = Idle;

    /// <summary>The outbox entry of the message holding the source, or -1.</summary>
    public int Entry = -1;

    /// <summary>The payload is going out (or its source failed): the send buffer is closed to other packets.</summary>
    public bool Sending => position != Idle;

    public bool SourceFailed => position == Failed;

    public void Hold(int entry, IMqttPayloadSource payload, int payloadLength)
    {
        Entry = entry;
        source = payload;
        length = payloadLength;
    }

    /// <summary>The flow completed or was dropped: the application may reuse its source.</summary>
    public void Release()
    {
        Entry = -1;
        source = null;
        position = Idle;
    }

    /// <summary>The header is in the send buffer: the payload follows it, from its first byte.</summary>
    public void Begin(SendBuffer output)
    {
        position = 0;
        output.Closed = true;
        Fill(output);
    }

    /// <summary>Copies what fits of the payload into the send buffer; at its last byte the buffer opens again.</summary>
    public void Fill(SendBuffer output)
    {
        while (position >= 0 && position < length)
        {
            int room = output.Room(out int at);
            if (room == 0) return;
            int want = length - position < room ? length - position : room;
            int read;
            try { read = source.Read(position, output.Bytes, at, want); }
            catch (Exception) { read = 0; }
            if (read <= 0 || read > want)
            {
                position = Failed; // the buffer stays closed: nothing may follow half a packet
                return;
            }
            output.Commit(read);
            position += read;
        }
        if (position != length) return;
        position = Idle;
        output.Closed = false;
    }

    /// <summary>The connection is over: the next one sends the payload again from the start.</summary>
    public void Stop() => position = Idle;
}
