using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>
/// The broker's side of a session under test, in memory: it feeds the session a broker's exact bytes (written by
/// <see cref="Wire"/>) and takes what the session writes, to be checked byte for byte. Time is whatever the test
/// says it is (<see cref="Now"/>): the session takes it as a parameter.
/// </summary>
public sealed class ScriptedBroker
{
    /// <summary>The recording handler, unless the test passed a handler of its own (then null).</summary>
    public readonly RecordingHandler Handler;
    public readonly MqttSession Session;
    public readonly MqttConnectOptions Connect = new MqttConnectOptions { ClientId = "dev1", KeepAliveSeconds = 10 };
    public long Now;

    public ScriptedBroker() : this(new MqttSessionOptions()) { }

    public ScriptedBroker(MqttSessionOptions options)
    {
        Handler = new RecordingHandler();
        Session = new MqttSession(options, Handler);
    }

    public ScriptedBroker(MqttSessionOptions options, IMqttSessionHandler handler)
    {
        Session = new MqttSession(options, handler);
    }

    /// <summary>Opens a connection and answers CONNACK (accepted, no session); returns the CONNECT the session wrote.</summary>
    public byte[] Open() => Open(false, 0);

    public byte[] Open(bool sessionPresent) => Open(sessionPresent, 0);

    public byte[] Open(bool sessionPresent, int returnCode)
    {
        Assert.AreEqual((int)MqttError.None, (int)Session.Connect(Connect, Now), "connect");
        byte[] connect = Single(TakeOutput());
        Assert.AreEqual(Wire.Connect, Wire.Type(connect), "CONNECT");
        Send(Wire.Connack(sessionPresent, returnCode));
        return connect;
    }

    /// <summary>Hands the session bytes as a transport reading into its receive space would; returns how many it took.</summary>
    public int Receive(byte[] data, int offset, int count)
    {
        int taken = 0;
        while (taken < count && Session.State != MqttSessionState.Disconnected)
        {
            byte[] buffer;
            int at;
            int space = Session.GetReceiveSpace(out buffer, out at);
            if (space == 0) break;
            int n = count - taken < space ? count - taken : space;
            Array.Copy(data, offset + taken, buffer, at, n);
            taken += n;
            Session.Received(n, Now);
        }
        return taken;
    }

    public int Receive(byte[] data) => Receive(data, 0, data.Length);

    /// <summary>Sends bytes the session must take whole.</summary>
    public void Feed(byte[] data, int offset, int count) => Assert.AreEqual(count, Receive(data, offset, count), "taken");

    public void Send(byte[] data) => Feed(data, 0, data.Length);

    public void SendAck(int firstByte, int id) => Send(Wire.Ack(firstByte, id));

    public void SendPublish(string topic, byte[] payload, int qos, int id) => Send(Wire.PublishPacket(topic, payload, qos, id, false, false));

    public void SendPublish(string topic, byte[] payload, int qos, int id, bool retain, bool dup) => Send(Wire.PublishPacket(topic, payload, qos, id, retain, dup));

    public void SendSuback(int id, byte[] codes) => Send(Wire.Suback(id, codes));

    public void SendPingresp() => Send(Wire.Pingresp());

    /// <summary>Everything the session has queued, as if the transport wrote it all at <see cref="Now"/>.</summary>
    public byte[] TakeOutput()
    {
        byte[] buffer;
        int offset;
        int count = Session.GetOutput(out buffer, out offset);
        byte[] bytes = new byte[count];
        Array.Copy(buffer, offset, bytes, 0, count);
        Session.OutputWritten(count, Now);
        return bytes;
    }

    /// <summary>
    /// Writes until the session has nothing left, as a driver with a transport that keeps taking bytes would: a
    /// streamed payload refills the send buffer after every write, and input that waited for room resumes.
    /// </summary>
    public byte[] TakeAllOutput()
    {
        byte[] all = new byte[0];
        for (byte[] piece = TakeOutput(); piece.Length > 0; piece = TakeOutput())
        {
            all = Wire.Join(all, piece);
            if (Session.InputStalled) Session.ResumeInput();
        }
        return all;
    }

    /// <summary>What the session queued, cut into packets.</summary>
    public byte[][] TakePackets() => Wire.Split(TakeOutput());

    /// <summary>The only packet in <paramref name="output"/>.</summary>
    public static byte[] Single(byte[] output)
    {
        byte[][] packets = Wire.Split(output);
        Assert.AreEqual(1, packets.Length, "packets");
        return packets[0];
    }

    public byte[] TakeSingle() => Single(TakeOutput());

    public void AssertNoOutput() => Assert.AreEqual(0, TakeOutput().Length, "output");
}
