using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Fuzzer;

/// <summary>
/// Runs a case against a connected <see cref="MqttSession"/> (CONNACK received, subscriptions sent): the bytes go
/// in random chunks, or one at a time, while a fake clock moves and the output is written at random moments.
/// The two sessions (large payloads chunked, or dropped) are built once and reconnected for every case, so
/// their fixed buffers see every input and nothing is allocated per case.
/// </summary>
public sealed class SessionDriver
{
    static readonly byte[] Connack = { 0x20, 0x02, 0x00, 0x00 };

    readonly MqttSession chunking;
    readonly MqttSession dropping;
    readonly CheckingHandler chunkingHandler = new CheckingHandler();
    readonly CheckingHandler droppingHandler = new CheckingHandler();
    readonly MqttConnectOptions connect = new MqttConnectOptions { ClientId = "fuzz", KeepAliveSeconds = 10, CleanSession = true };
    readonly BrokerPacket outputPacket = new BrokerPacket();
    long now;

    public SessionDriver()
    {
        // Buffers smaller than the largest generated PUBLISH, so that streaming, skipping and stalls are reached.
        chunking = Build(MqttLargePayloadPolicy.Chunk, chunkingHandler);
        dropping = Build(MqttLargePayloadPolicy.Drop, droppingHandler);
    }

    static MqttSession Build(MqttLargePayloadPolicy policy, CheckingHandler handler)
    {
        var options = new MqttSessionOptions { ReceiveBufferSize = 256, SendBufferSize = 64, LargePayloads = policy, MaxPendingReleases = 8 };
        var session = new MqttSession(options, handler);
        session.Subscribe("#", MqttQos.AtLeastOnce);
        session.Subscribe(new[] { "a/+/b", "$SYS/#" }, new[] { MqttQos.AtMostOnce, MqttQos.ExactlyOnce });
        return session;
    }

    /// <summary>None when the session is still connected after the whole case, else the error that closed it.</summary>
    public MqttError Run(FuzzCase c, FuzzRandom random)
    {
        bool drop = random.OneIn(4);
        MqttSession session = drop ? dropping : chunking;
        CheckingHandler handler = drop ? droppingHandler : chunkingHandler;
        Open(session, handler);

        int position = 0;
        int steps = 0;
        int bound = 4 * c.Length + 64; // every step takes a byte, or stalls once and is resumed
        int maxChunk = random.OneIn(4) ? c.Length : random.Next(1, 65);
        while (position < c.Length && session.State != MqttSessionState.Disconnected)
        {
            if (++steps > bound) throw new FuzzViolation("no progress: " + position + " of " + c.Length + " bytes taken after " + steps + " steps");
            int left = c.Length - position;
            int chunk = c.ByteAtATime ? 1 : random.Next(1, (maxChunk < left ? maxChunk : left) + 1);
            now += random.Next(3);
            if (random.OneIn(16)) session.Tick(now);
            int taken = session.Receive(c.Bytes, position, chunk, now);
            if (taken < 0 || taken > chunk) throw new FuzzViolation("Receive took " + taken + " of " + chunk + " bytes");
            position += taken;
            if (taken < chunk && session.State != MqttSessionState.Disconnected)
            {
                // Fewer bytes taken is legal only while answers wait for room in the send buffer.
                if (!session.InputStalled) throw new FuzzViolation("Receive took " + taken + " of " + chunk + " bytes, input not stalled, session " + session.State);
                Drain(session);
                session.ResumeInput();
            }
            else if (random.OneIn(3))
            {
                Drain(session);
            }
        }
        Drain(session);
        return Outcome(session, handler);
    }

    static MqttError Outcome(MqttSession session, CheckingHandler handler)
    {
        if (session.State == MqttSessionState.Connected)
        {
            if (session.LastError != MqttError.None) throw new FuzzViolation("connected, yet LastError is " + session.LastError);
            return MqttError.None;
        }
        if (session.State != MqttSessionState.Disconnected) throw new FuzzViolation("the case left the session " + session.State);
        MqttError error = session.LastError;
        if (error == MqttError.None || !Enum.IsDefined(error)) throw new FuzzViolation("disconnected without a named error: " + error);
        if (handler.LastReason != error) throw new FuzzViolation("handler told " + handler.LastReason + ", LastError is " + error);
        return error;
    }

    void Open(MqttSession session, CheckingHandler handler)
    {
        if (session.State != MqttSessionState.Disconnected) session.ConnectionLost();
        handler.Reset();
        MqttError error = session.Connect(connect, now);
        if (error != MqttError.None) throw new FuzzViolation("Connect refused: " + error);
        Drain(session);
        if (session.Receive(Connack, 0, Connack.Length, now) != Connack.Length || session.State != MqttSessionState.Connected)
            throw new FuzzViolation("CONNACK did not connect the session: " + session.State + " " + session.LastError);
        Drain(session);
    }

    /// <summary>Writes the output, checking that whatever the session sends, under any input, is well-formed.</summary>
    void Drain(MqttSession session)
    {
        int count = session.GetOutput(out byte[] buffer, out int offset);
        int position = offset;
        int end = offset + count;
        while (position < end)
        {
            int header = MqttDecoder.TryReadFixedHeader(buffer, position, end - position, out _, out int remaining);
            if (header <= 0 || remaining > end - position - header) throw new FuzzViolation("the session wrote a broken fixed header");
            MqttError error = BrokerDecoder.Decode(buffer, position, header + remaining, outputPacket);
            if (error != MqttError.None) throw new FuzzViolation("the session wrote a packet that does not decode: " + error);
            position += header + remaining;
        }
        session.OutputWritten(count, now);
    }
}
