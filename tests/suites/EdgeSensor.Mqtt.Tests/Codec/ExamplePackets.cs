using System.Collections.Generic;

namespace EdgeSensor.Mqtt.Tests.Codec
{
    /// <summary>The hand-written example of every packet family, for the tests that apply to all of them.</summary>
    internal static class ExamplePackets
    {
        public static IEnumerable<object[]> All()
        {
            yield return new object[] { "CONNECT minimal", ConnectTests.Minimal };
            yield return new object[] { "CONNECT full", ConnectTests.Full };
            yield return new object[] { "CONNACK session present", ConnackTests.SessionPresent };
            yield return new object[] { "CONNACK not authorized", ConnackTests.NotAuthorized };
            yield return new object[] { "PUBLISH QoS 0", PublishTests.Qos0 };
            yield return new object[] { "PUBLISH QoS 1", PublishTests.Qos1 };
            yield return new object[] { "PUBLISH QoS 2 retain dup", PublishTests.Qos2RetainDup };
            yield return new object[] { "PUBLISH retained empty", PublishTests.RetainedEmptyPayload };
            yield return new object[] { "PUBLISH multi-byte topic", PublishTests.MultiByteTopic };
            yield return new object[] { "PUBACK", PublishAckTests.Puback };
            yield return new object[] { "PUBREC", PublishAckTests.Pubrec };
            yield return new object[] { "PUBREL", PublishAckTests.Pubrel };
            yield return new object[] { "PUBCOMP", PublishAckTests.Pubcomp };
            yield return new object[] { "SUBSCRIBE", SubscribeTests.Subscribe };
            yield return new object[] { "SUBACK", SubscribeTests.Suback };
            yield return new object[] { "UNSUBSCRIBE", UnsubscribeTests.Unsubscribe };
            yield return new object[] { "UNSUBACK", UnsubscribeTests.Unsuback };
            yield return new object[] { "PINGREQ", HeaderOnlyPacketTests.Pingreq };
            yield return new object[] { "PINGRESP", HeaderOnlyPacketTests.Pingresp };
            yield return new object[] { "DISCONNECT", HeaderOnlyPacketTests.Disconnect };
        }
    }
}
