using System;
using System.Collections.Generic;
using System.Threading;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Driver;
using EdgeSensor.Mqtt.Session;
using EdgeSensor.Mqtt.Tests.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Driver;

/// <summary>
/// The client's single writer turn, over a connected session and a transport the test can hold inside a write. Threads
/// are coordinated with events, never with sleeps; a wait that times out fails the test.
/// </summary>
public class WriterTurnTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    readonly RecordingHandler handler = new();
    readonly MqttSession session;
    readonly SessionDriver driver;
    readonly object sessionLock = new();
    readonly HeldTransport transport = new();
    readonly WriterTurn writer;

    public WriterTurnTests()
    {
        session = new MqttSession(new MqttSessionOptions(), handler);
        driver = new SessionDriver(session);
        writer = new WriterTurn(driver, sessionLock, transport, new FixedClock());
        Assert.Equal(MqttError.None, session.Connect(new MqttConnectOptions { ClientId = "w1" }, 0));
        session.GetOutput(out _, out int _);
        session.OutputWritten(session.PendingOutput, 0); // the CONNECT, as if written
        byte[] connack = { 0x20, 0x02, 0x00, 0x00 };
        Assert.Equal(connack.Length, session.Receive(connack, 0, connack.Length, 0));
        Assert.Equal(MqttSessionState.Connected, session.State);
    }

    [Fact]
    public void Write_writes_everything_pending_in_one_write_and_leaves_the_turn_free()
    {
        Publish("a", 3);
        Publish("b", 3);
        int pending = session.PendingOutput;

        Assert.True(writer.Write(Timeout.Infinite));

        Assert.Equal(new[] { pending }, transport.WriteSizes.ToArray());
        Assert.Equal(0, session.PendingOutput);
        Publish("c", 3);
        Assert.True(writer.TryWrite(0), "the turn was given up");
        Assert.Equal(2, transport.WriteSizes.Count);
    }

    [Fact]
    public void TryWrite_returns_at_once_while_a_writer_is_blocked_in_the_transport_which_then_writes_its_bytes_too()
    {
        Publish("first", 10);
        transport.Hold();
        bool firstResult = false;
        var first = new Thread(() => firstResult = writer.Write(Timeout.Infinite)) { IsBackground = true };
        first.Start();
        Assert.True(transport.Entered.Wait(Deadline), "the first writer reached the transport");

        int queued;
        lock (sessionLock)
        {
            Publish("second", 20);
            queued = session.PendingOutput;
        }
        bool tried = false;
        var io = new Thread(() => tried = writer.TryWrite(0)) { IsBackground = true };
        io.Start();
        Assert.True(io.Join(Deadline), "TryWrite waited behind the blocked writer");
        Assert.True(tried);
        Assert.Single(transport.WriteSizes); // only the held write so far: TryWrite wrote nothing itself

        transport.Release();
        Assert.True(first.Join(Deadline));
        Assert.True(firstResult);
        Assert.Equal(0, session.PendingOutput);
        Assert.Equal(2, transport.WriteSizes.Count);
        Assert.Equal(queued - transport.WriteSizes[0], transport.WriteSizes[1]); // the second publish, by the first writer
        Assert.Equal(1, transport.MostConcurrentWriters);
    }

    [Fact]
    public void Write_waits_for_the_turn_and_then_writes_what_is_left_never_two_writers_at_once()
    {
        Publish("first", 10);
        transport.Hold();
        var first = new Thread(() => writer.Write(Timeout.Infinite)) { IsBackground = true };
        first.Start();
        Assert.True(transport.Entered.Wait(Deadline), "the first writer reached the transport");

        bool secondResult = false;
        var second = new Thread(() =>
        {
            lock (sessionLock) Publish("second", 20);
            secondResult = writer.Write(Timeout.Infinite);
        })
        { IsBackground = true };
        second.Start();
        WaitUntilBlocked(second);

        transport.Release();
        Assert.True(first.Join(Deadline));
        Assert.True(second.Join(Deadline), "the waiting writer got the turn");
        Assert.True(secondResult);
        Assert.Equal(0, session.PendingOutput);
        Assert.Equal(1, transport.MostConcurrentWriters);
        Assert.Equal(2, transport.Packets.Count); // both PUBLISHes written once each, in order
        Assert.Equal("first", PublishTopic(transport.Packets[0]));
        Assert.Equal("second", PublishTopic(transport.Packets[1]));
    }

    [Fact]
    public void A_failed_write_ends_the_connection_and_gives_the_turn_up()
    {
        Publish("a", 3);
        transport.FailWrites = true;

        Assert.False(writer.Write(Timeout.Infinite));

        Assert.Equal(MqttSessionState.Disconnected, session.State);
        Assert.Equal(MqttError.TransportClosed, session.LastError);
        Assert.Equal("disconnected TransportClosed Accepted", handler.Events[^1]);
        Assert.True(writer.TryWrite(0), "nothing is pending and the turn is free");
        var again = new Thread(() => writer.Write(Timeout.Infinite)) { IsBackground = true };
        again.Start();
        Assert.True(again.Join(Deadline), "a later Write found the turn free");
    }

    void Publish(string topic, int payloadLength)
    {
        Assert.Equal(MqttPublishResult.Accepted, session.Publish(topic, new byte[payloadLength], 0, payloadLength, MqttQos.AtMostOnce, false));
    }

    static string PublishTopic(byte[] packet) => System.Text.Encoding.UTF8.GetString(packet, 4, packet[3]);

    /// <summary>Until the thread waits (for the turn): spun with yields, bounded by the deadline.</summary>
    static void WaitUntilBlocked(Thread thread)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((thread.ThreadState & ThreadState.WaitSleepJoin) == 0)
        {
            Assert.True(clock.Elapsed < Deadline, "the second writer never waited");
            Thread.Yield();
        }
    }

    sealed class FixedClock : IMonotonicClock
    {
        public long NowMs => 0;
    }

    /// <summary>Records writes (sizes and whole packets); can hold a writer inside Write, or fail every write.</summary>
    sealed class HeldTransport : IMqttTransport
    {
        readonly ManualResetEventSlim gate = new(true);
        readonly object sync = new();
        int writers;
        byte[] partial = Array.Empty<byte>();

        public readonly ManualResetEventSlim Entered = new(false);
        public readonly List<int> WriteSizes = new();
        public readonly List<byte[]> Packets = new();
        public int MostConcurrentWriters;
        public volatile bool FailWrites;

        public void Hold() => gate.Reset();

        public void Release() => gate.Set();

        public void Open(int timeoutMs) { }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs) => 0;

        public int Write(byte[] buffer, int offset, int count, int timeoutMs)
        {
            lock (sync)
            {
                writers++;
                MostConcurrentWriters = Math.Max(MostConcurrentWriters, writers);
                WriteSizes.Add(count);
                Split(buffer.AsSpan(offset, count).ToArray());
            }
            Entered.Set();
            gate.Wait();
            lock (sync) writers--;
            if (FailWrites) throw new System.IO.IOException("link down");
            return count;
        }

        public void Close() { }

        /// <summary>Cuts the written stream into packets (fixed headers are two bytes here).</summary>
        void Split(byte[] bytes)
        {
            byte[] all = new byte[partial.Length + bytes.Length];
            partial.CopyTo(all, 0);
            bytes.CopyTo(all, partial.Length);
            int position = 0;
            while (all.Length - position >= 2 && all.Length - position >= 2 + all[position + 1])
            {
                Packets.Add(all.AsSpan(position, 2 + all[position + 1]).ToArray());
                position += 2 + all[position + 1];
            }
            partial = all.AsSpan(position).ToArray();
        }
    }
}
