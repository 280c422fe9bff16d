using System.Text;
using EdgeSensor.Mqtt;

namespace EdgeSensor.MicroBenchmarks;

/// <summary>The packets a device really sends, as inputs for the codec benchmarks.</summary>
static class CodecSamples
{
    public const int PacketId = 4242;

    public static readonly byte[] TelemetryTopic = Encoding.UTF8.GetBytes("edgesensor/dev1/telemetry");

    /// <summary>A device's CONNECT: client id, will announcing it offline, user name and password.</summary>
    public static MqttConnectOptions DeviceConnect() => new()
    {
        ClientId = "edgesensor-dev1",
        CleanSession = true,
        KeepAliveSeconds = 30,
        UserName = "dev1",
        Password = Encoding.UTF8.GetBytes("s3cret-device-token-0123456789"),
        WillTopic = "edgesensor/dev1/status",
        WillPayload = Encoding.UTF8.GetBytes("offline"),
        WillQos = MqttQos.AtLeastOnce,
        WillRetain = true,
    };

    /// <summary>The three filters a device subscribes to at start-up, in one SUBSCRIBE.</summary>
    public static readonly byte[][] DeviceFilters =
    {
        Encoding.UTF8.GetBytes("edgesensor/dev1/cmd/#"),
        Encoding.UTF8.GetBytes("edgesensor/all/cmd/#"),
        Encoding.UTF8.GetBytes("edgesensor/dev1/config/+"),
    };

    public static readonly MqttQos[] DeviceFilterQos = { MqttQos.AtLeastOnce, MqttQos.AtLeastOnce, MqttQos.AtMostOnce };
}
