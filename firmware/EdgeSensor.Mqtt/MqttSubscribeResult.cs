namespace EdgeSensor.Mqtt;

/// <summary>The SUBACK return code that refuses a filter; 0, 1 and 2 are the granted QoS.</summary>
public static class MqttSubscribeResult
{
    public const int Failure = 0x80;
}
