using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Json;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Documents;

/// <summary>The JSON published on <c>&lt;base&gt;/event</c>: things an operator must see.</summary>
static class DeviceEvents
{
    // Names by value, one string each rather than arrays of strings: the device has no enum names, and one
    // literal costs less flash than an array's initialiser.

    /// <summary>The <c>reason</c> of each <see cref="CommandRejection"/>.</summary>
    const string Reasons = "none unknown_actuator invalid_payload payload_too_large invalid_utf8 retained topic_too_long";

    /// <summary>Each <see cref="MqttError"/> by its name in the enum, so the device and the desktop say the same.</summary>
    const string Errors = "None MalformedRemainingLength PacketTooShort PacketTooLong UnknownPacketType ReservedFlags InvalidQos ZeroPacketId DupOnQos0 InvalidUtf8 EmptyTopic WildcardInTopicName InvalidTopicFilter EmptySubscription UnknownProtocol ReservedConnectFlag InvalidConnectFlags UnknownConnackCode UnknownSubackCode StringTooLong UnexpectedPacket UnknownPacketId KeepAliveTimeout ConnectTimeout ConnectionRefused TransportClosed ConnectFailed ClosedByClient";

    /// <summary>Each <see cref="MqttConnectReturnCode"/>, likewise.</summary>
    const string ReturnCodes = "Accepted UnacceptableProtocolVersion IdentifierRejected ServerUnavailable BadUserNameOrPassword NotAuthorized";

    /// <summary><c>{"event":"command_rejected","actuator":..,"reason":..}</c></summary>
    public static void CommandRejected(JsonWriter json, byte[] actuator, int actuatorOffset, int actuatorLength, CommandRejection reason)
    {
        json.BeginObject()
            .Member("event", "command_rejected")
            .Name("actuator").String(actuator, actuatorOffset, actuatorLength);
        Named(json, "reason", Reasons, (int)reason);
        json.EndObject();
    }

    /// <summary>
    /// <c>{"event":..,member:value}</c> and, when <paramref name="countName"/> is not null, a number after it: one shape
    /// for <c>{"event":"boot","fw":..}</c> (once after the first connection, so restarts are visible),
    /// <c>{"event":"subscribe_refused","filter":..}</c> (the broker will not deliver these commands: SUBACK 0x80),
    /// <c>{"event":"command_rejected","reason":"queue_full","count":n}</c> (commands that found the queue full were not
    /// applied) and <c>{"event":"sensor_failed","sensor":..,"errors":n}</c> or <c>sensor_recovered</c>.
    /// </summary>
    public static void Event(JsonWriter json, string name, string member, string value, string countName, int count)
    {
        json.BeginObject().Member("event", name).Member(member, value);
        if (countName != null) json.Name(countName).Number(count);
        json.EndObject();
    }

    /// <summary><c>{"event":"settings_refused","field":..,"problem":..}</c>: a desired settings document that changed nothing, and why.</summary>
    public static void SettingsRefused(JsonWriter json, ConfigException refusal)
    {
        json.BeginObject().Member("event", "settings_refused").Member("field", refusal.Path).Member("problem", refusal.Problem).EndObject();
    }

    /// <summary><c>{"event":"settings_ignored","version":4,"applied":5}</c>: a desired settings document not newer than the one applied.</summary>
    public static void SettingsIgnored(JsonWriter json, int version, int applied)
    {
        json.BeginObject().Member("event", "settings_ignored").Name("version").Number(version).Name("applied").Number(applied).EndObject();
    }

    /// <summary>
    /// <c>{"event":"disconnected","reason":..}</c> after a reconnect, from EdgeDevice's packed report: why the connection
    /// ended (an <see cref="MqttError"/>), the last failed attempt when a later one failed too, and the CONNACK code of
    /// the last refusal.
    /// </summary>
    public static void Disconnected(JsonWriter json, int report)
    {
        json.BeginObject().Member("event", "disconnected");
        Named(json, "reason", Errors, report & 0xFF);
        if ((report & 0xFF00) != 0) Named(json, "last", Errors, report >> 8 & 0xFF);
        if (report >> 16 != 0) Named(json, "code", ReturnCodes, report >> 16);
        json.EndObject();
    }

    /// <summary>A member whose value is word <paramref name="index"/> of the space-separated <paramref name="words"/>.</summary>
    static void Named(JsonWriter json, string name, string words, int index)
    {
        json.Name(name);
        int start = 0;
        for (int i = 0; i < index; i++)
        {
            start = words.IndexOf(' ', start) + 1;
            if (start == 0)
            {
                json.Number(index); // a value newer than the list: its number rather than a wrong name
                return;
            }
        }
        int end = words.IndexOf(' ', start);
        json.String(words, start, end < 0 ? words.Length : end);
    }
}
