using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Desktop.Devices;

/// <summary>
/// The device's log of what happened to its connection, in words, the way its <c>disconnected</c> and
/// <c>subscribe_refused</c> events tell operators (docs/device-topics.md): after a connect that followed failures,
/// why the connection ended, the last failed attempt and the CONNACK code of the last refusal, by their enum names;
/// and when the broker refused the command subscription, the filter (or that it refused the settings subscription). Fed by the MQTT client's I/O thread.
/// </summary>
public sealed class ConnectionLog
{
    readonly string id;
    readonly string commandFilter;
    readonly Action<string> write;
    MqttError reason;
    MqttError last;
    MqttConnectReturnCode code;

    public ConnectionLog(string id, string commandFilter, Action<string> write)
    {
        this.id = id;
        this.commandFilter = commandFilter;
        this.write = write;
    }

    public void OnConnected()
    {
        if (reason != MqttError.None)
        {
            write(id + " connected again; it was offline because: " + reason
                + (last != MqttError.None ? ", last attempt: " + last : "")
                + (code != MqttConnectReturnCode.Accepted ? ", CONNACK: " + code : ""));
        }

        reason = MqttError.None;
        last = MqttError.None;
        code = MqttConnectReturnCode.Accepted;
    }

    public void OnDisconnected(MqttError error, MqttConnectReturnCode returnCode)
    {
        if (error == MqttError.ClosedByClient)
        {
            return; // asked for: nothing to explain
        }

        if (reason == MqttError.None)
        {
            reason = error;
        }
        else
        {
            last = error;
        }

        if (error == MqttError.ConnectionRefused)
        {
            code = returnCode;
        }
    }

    /// <summary>EdgeDevice.Attach subscribes to its commands first (index 0), then to its desired settings.</summary>
    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        if (returnCode == MqttSubscribeResult.Failure && subscriptionIndex == 0)
        {
            write(id + " deaf: the broker refused the command subscription " + commandFilter
                + " (SUBACK 0x80); no command reaches it until a later connect's subscription is granted");
        }
        else if (returnCode == MqttSubscribeResult.Failure)
        {
            write(id + " the broker refused the settings subscription (SUBACK 0x80); it keeps its compiled-in settings");
        }
    }
}
