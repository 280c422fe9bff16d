using System;
using System.Collections.Generic;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

/// <summary>
/// The broker's side of a session under test, in memory, for the desktop-only cases: it decodes what the session writes
/// and answers CONNACK. The portable scripted broker, which states exact bytes, is tests/suites/EdgeSensor.NanoTests/Mqtt/Session.
/// </summary>
sealed class ScriptedBroker
{
    public readonly RecordingHandler Handler = new();
    public readonly MqttSession Session;
    public readonly MqttConnectOptions Connect = new() { ClientId = "dev1", KeepAliveSeconds = 10 };
    readonly byte[] scratch = new byte[16];

    public ScriptedBroker(MqttSessionOptions options = null)
    {
        Session = new MqttSession(options ?? new MqttSessionOptions(), Handler);
    }

    /// <summary>Opens a connection and answers CONNACK (accepted, no session).</summary>
    public void Open()
    {
        Assert.Equal(MqttError.None, Session.Connect(Connect, 0));
        var connect = Assert.Single(TakeOutput());
        Assert.Equal(MqttPacketType.Connect, connect.Type);
        int length = BrokerEncoder.Connack(scratch, 0, false, MqttConnectReturnCode.Accepted);
        Assert.Equal(length, Session.Receive(scratch, 0, length, 0));
    }

    /// <summary>Everything the session has queued, decoded, as if the transport wrote it all.</summary>
    public List<BrokerPacket> TakeOutput()
    {
        var packets = new List<BrokerPacket>();
        int count = Session.GetOutput(out byte[] buffer, out int offset);
        var bytes = buffer.AsSpan(offset, count).ToArray();
        Session.OutputWritten(count, 0);
        int position = 0;
        while (position < bytes.Length)
        {
            int header = MqttDecoder.TryReadFixedHeader(bytes, position, bytes.Length - position, out _, out int remaining);
            Assert.True(header > 0, "session wrote a broken fixed header");
            var packet = new BrokerPacket();
            Assert.Equal(MqttError.None, BrokerDecoder.Decode(bytes, position, header + remaining, packet));
            packets.Add(packet);
            position += header + remaining;
        }
        return packets;
    }
}
