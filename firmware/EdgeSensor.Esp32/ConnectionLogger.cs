using System.Diagnostics;
using EdgeSensor.Device;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Esp32;

/// <summary>
/// Passes the MQTT client's callbacks to the device and writes to the debug log what the device tells operators on
/// its topics: why it was offline, once connected again, and that the broker refused its command subscription.
/// The device has no enum names at run time, so reasons are numbers: MqttError and MqttConnectReturnCode values,
/// named in the device's disconnected event (docs/device-topics.md).
/// </summary>
sealed class ConnectionLogger : IMqttSessionHandler
{
    readonly EdgeDevice device;
    readonly string commandFilter;
    int reason;
    int last;
    int code;

    public ConnectionLogger(EdgeDevice device, string commandFilter)
    {
        this.device = device;
        this.commandFilter = commandFilter;
    }

    public void OnConnected(bool sessionPresent)
    {
        if (reason == 0)
        {
            Debug.WriteLine("MQTT connected");
        }
        else
        {
            Debug.WriteLine("MQTT connected again; it was offline because: MqttError " + reason.ToString()
                + (last != 0 ? ", last attempt: MqttError " + last.ToString() : "")
                + (code != 0 ? ", CONNACK code " + code.ToString() : ""));
        }
        reason = 0;
        last = 0;
        code = 0;
        device.OnConnected(sessionPresent);
    }

    public void OnDisconnected(MqttError error, MqttConnectReturnCode returnCode)
    {
        if (error != MqttError.ClosedByClient)
        {
            if (reason == 0) reason = (int)error;
            else last = (int)error;
            if (error == MqttError.ConnectionRefused) code = (int)returnCode;
        }
        device.OnDisconnected(error, returnCode);
    }

    public void OnMessage(MqttMessage message)
    {
        device.OnMessage(message);
    }

    public void OnSubscribeResult(int subscriptionIndex, int returnCode)
    {
        // EdgeDevice.Attach subscribes to its commands first (index 0), then to its desired settings.
        if (returnCode == MqttSubscribeResult.Failure && subscriptionIndex == 0)
        {
            Debug.WriteLine("MQTT: the broker refused the command subscription " + commandFilter + " (SUBACK 0x80): deaf until a later connect");
        }
        else if (returnCode == MqttSubscribeResult.Failure)
        {
            Debug.WriteLine("MQTT: the broker refused the settings subscription (SUBACK 0x80): the compiled-in settings stay");
        }
        device.OnSubscribeResult(subscriptionIndex, returnCode);
    }

    public void OnUnsubscribed(int subscriptionIndex) => device.OnUnsubscribed(subscriptionIndex);

    public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) => device.OnPublishCompleted(messageId, outcome);
}
