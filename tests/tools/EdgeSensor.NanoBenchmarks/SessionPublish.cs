using System;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.NanoBenchmarks;

/// <summary>
/// A publish through a connected session, its bytes taken as written; at QoS 1 the broker's PUBACK (read from the
/// packet the session wrote) completes the flow, so the outbox stays empty between operations.
/// </summary>
public sealed class SessionPublish : IBenchmark, IMqttSessionHandler
{
    readonly MqttSession session;
    readonly MqttQos qos;
    readonly byte[] puback = new byte[4];
    long now = 1000;

    public SessionPublish(MqttQos qos)
    {
        this.qos = qos;
        session = new MqttSession(new MqttSessionOptions(), this);
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.ClientId = "bench-dev1";
        connect.KeepAliveSeconds = 0;
        if (session.Connect(connect, now) != MqttError.None) throw new InvalidOperationException("CONNECT refused");
        TakeOutput();
        Feed(Samples.Connack);
        if (session.State != MqttSessionState.Connected) throw new InvalidOperationException("not connected");
        MqttEncoder.Ack(puback, 0, MqttPacketType.Puback, 0);
    }

    public void Run()
    {
        now++;
        if (session.Publish(Samples.Topic, Samples.Payload, 0, Samples.Payload.Length, qos, false) != MqttPublishResult.Accepted)
        {
            throw new InvalidOperationException("publish refused");
        }
        int written = TakeOutput();
        if (qos == MqttQos.AtMostOnce) return;
        // The packet identifier follows the topic: 1 fixed-header byte, 1 length byte, 2 + topic bytes.
        int idAt = 2 + 2 + Samples.Topic.Length;
        puback[2] = lastOutput[lastOffset + idAt];
        puback[3] = lastOutput[lastOffset + idAt + 1];
        Feed(puback);
        if (session.OutboxCount != 0 || written == 0) throw new InvalidOperationException("PUBACK did not complete the publish");
    }

    /// <summary>Hands the session bytes from the broker, as a transport reading into its receive space would.</summary>
    void Feed(byte[] bytes)
    {
        byte[] buffer;
        int offset;
        session.GetReceiveSpace(out buffer, out offset);
        Array.Copy(bytes, 0, buffer, offset, bytes.Length);
        session.Received(bytes.Length, now);
    }

    byte[] lastOutput;
    int lastOffset;

    int TakeOutput()
    {
        int count = session.GetOutput(out lastOutput, out lastOffset);
        session.OutputWritten(count, now);
        return count;
    }

    public void OnConnected(bool sessionPresent) { }

    public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode)
    {
        throw new InvalidOperationException("disconnected: " + ((int)reason).ToString());
    }

    public void OnMessage(MqttMessage message) { }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

    public void OnUnsubscribed(int subscriptionIndex) { }

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
}
