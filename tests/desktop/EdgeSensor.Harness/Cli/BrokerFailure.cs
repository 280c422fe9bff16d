using EdgeSensor.Mqtt;

namespace EdgeSensor.Harness.Cli;

/// <summary>
/// Why a first connection to a broker failed, as one line that names the cause and what to do, with its exit code: the
/// client knows the cause at once (each CONNACK code, a close, a silence, a protocol violation), so nobody waits for a
/// generic timeout. The table is in docs/reliability.md.
/// </summary>
static class BrokerFailure
{
    /// <param name="who">Who connected, e.g. "device sim-001" or "the harness".</param>
    /// <returns>Null when the reason is no failure (the client itself closed).</returns>
    public static UserErrorException Describe(string broker, string who, MqttError reason, MqttConnectReturnCode code, string transportError, int connectTimeoutMs)
    {
        string at = "the broker at " + broker;
        return reason switch
        {
            MqttError.None or MqttError.ClosedByClient => null,
            MqttError.ConnectFailed => new UserErrorException(
                who + " cannot reach " + at + " (" + transportError + "): start a broker there or fix --broker; `edgesensor run` without --broker starts a private one",
                ExitCodes.BrokerUnreachable),
            MqttError.ConnectionRefused => new UserErrorException(at + " refused " + who + ": " + Refusal(code), ExitCodes.BrokerRefused),
            MqttError.TransportClosed => new UserErrorException(
                at + " closed the connection of " + who + " before accepting it (no CONNACK): check that it is an MQTT 3.1.1 broker" + " and its log for why it dropped the client",
                ExitCodes.BrokerRefused),
            MqttError.ConnectTimeout => new UserErrorException(
                at + " accepted the connection of " + who + " but sent no CONNACK within " + connectTimeoutMs / 1000.0 + " s: check that it is an MQTT 3.1.1 broker (mqtts:// for a TLS port) and that it is not overloaded",
                ExitCodes.BrokerRefused),
            MqttError.KeepAliveTimeout => new UserErrorException(
                at + " stopped answering " + who + " (keepalive timeout): check the broker and the network", ExitCodes.BrokerRefused),
            _ => new UserErrorException(
                at + " broke the MQTT protocol with " + who + " (" + reason + ", see docs/reliability.md): the connection was closed; check the broker's version and configuration",
                ExitCodes.BrokerRefused),
        };
    }

    /// <summary>Each CONNACK refusal [MQTT-3.2.2.3], by name, with what to do about it.</summary>
    static string Refusal(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.UnacceptableProtocolVersion => "CONNACK 1, unacceptable protocol version: it does not accept MQTT 3.1.1; use a broker that does (mosquitto does)",
        MqttConnectReturnCode.IdentifierRejected => "CONNACK 2, identifier rejected: it does not accept the client id; use another (the device's id is the config's \"id\")",
        MqttConnectReturnCode.ServerUnavailable => "CONNACK 3, server unavailable: the broker is up but not serving; try again later, or see its log",
        MqttConnectReturnCode.BadUserNameOrPassword => "CONNACK 4, bad user name or password: check --username and " + Credentials.PasswordVariable,
        MqttConnectReturnCode.NotAuthorized => "CONNACK 5, not authorized: check --username and " + Credentials.PasswordVariable + ", and that the broker lets this user connect",
        _ => "CONNACK " + (int)code,
    };
}
