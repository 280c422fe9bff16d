namespace EdgeSensor.Mqtt;

/// <summary>Delivery guarantee of a message (MQTT 3.1.1 section 4.3).</summary>
public enum MqttQos : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
