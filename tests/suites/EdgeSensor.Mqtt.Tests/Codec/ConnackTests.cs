using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Codec;

/// <summary>
/// CONNACK, MQTT 3.1.1 section 3.2, as the broker side encodes it. The client's decoding of these bytes and its
/// refusals are checked on nanoCLR and here through the NanoTests (ConnackTests).
/// </summary>
public class ConnackTests
{
    [Theory]
    [InlineData(false, 0, MqttConnectReturnCode.Accepted)]
    [InlineData(true, 0, MqttConnectReturnCode.Accepted)]
    [InlineData(false, 1, MqttConnectReturnCode.UnacceptableProtocolVersion)]
    [InlineData(false, 2, MqttConnectReturnCode.IdentifierRejected)]
    [InlineData(false, 3, MqttConnectReturnCode.ServerUnavailable)]
    [InlineData(false, 4, MqttConnectReturnCode.BadUserNameOrPassword)]
    [InlineData(false, 5, MqttConnectReturnCode.NotAuthorized)]
    public void The_broker_side_encodes_every_return_code_of_table_3_1(bool sessionPresent, int value, MqttConnectReturnCode code)
    {
        byte[] expected = { 0x20, 0x02, (byte)(sessionPresent ? 0x01 : 0x00), (byte)value };

        PacketBytes.Equal(expected, PacketBytes.Encoded((b, o) => BrokerEncoder.Connack(b, o, sessionPresent, code)));
    }
}
