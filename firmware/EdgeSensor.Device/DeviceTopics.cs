using EdgeSensor.Device.Actuators;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>
/// The topic contract (docs/device-topics.md, v1), encoded once at start: <c>&lt;prefix&gt;/&lt;id&gt;/status</c>, <c>info</c>,
/// <c>telemetry</c>, <c>event</c>, <c>state/&lt;actuator&gt;</c>, <c>settings/reported</c>, and the <c>cmd/+</c> and
/// <c>settings/desired</c> subscriptions.
/// </summary>
public sealed class DeviceTopics
{
    public readonly string Base;
    public readonly byte[] Status;
    public readonly byte[] Info;
    public readonly byte[] Telemetry;
    public readonly byte[] Event;
    public readonly byte[][] State;
    public readonly string CommandFilter;
    public readonly string DesiredFilter;
    public readonly byte[] Desired;
    public readonly byte[] Reported;

    /// <summary><c>&lt;base&gt;/cmd/</c>: what an incoming command topic must start with.</summary>
    readonly byte[] commandPrefix;
    readonly byte[][] actuatorNames;

    public DeviceTopics(string prefix, string id, Actuator[] actuators)
    {
        Base = prefix + "/" + id;
        Status = Utf8(Base + "/status");
        Info = Utf8(Base + "/info");
        Telemetry = Utf8(Base + "/telemetry");
        Event = Utf8(Base + "/event");
        CommandFilter = Base + "/cmd/+";
        DesiredFilter = Base + "/settings/desired";
        Desired = Utf8(DesiredFilter);
        Reported = Utf8(Base + "/settings/reported");
        commandPrefix = Utf8(Base + "/cmd/");
        State = new byte[actuators.Length][];
        actuatorNames = new byte[actuators.Length][];
        for (int i = 0; i < actuators.Length; i++)
        {
            State[i] = Utf8(Base + "/state/" + actuators[i].Name);
            actuatorNames[i] = Utf8(actuators[i].Name);
        }
    }

    /// <summary>
    /// For a topic under <c>cmd/</c>: the actuator's index, or -1 when the name is not one of ours.
    /// <paramref name="nameOffset"/> and <paramref name="nameLength"/> locate the name either way; both are -1
    /// when the topic is not a command topic at all.
    /// </summary>
    public int MatchCommand(byte[] buffer, int offset, int length, out int nameOffset, out int nameLength)
    {
        nameOffset = nameLength = -1;
        // Equal lengths are cmd/ with an empty name: a command for no actuator.
        if (length < commandPrefix.Length || !BytesEqual(commandPrefix, buffer, offset, commandPrefix.Length)) return -1;
        nameOffset = offset + commandPrefix.Length;
        nameLength = length - commandPrefix.Length;
        for (int a = 0; a < actuatorNames.Length; a++)
        {
            if (BytesEqual(actuatorNames[a], buffer, nameOffset, nameLength)) return a;
        }
        return -1;
    }

    public static byte[] Utf8(string text)
    {
        int length = MqttUtf8.ByteCount(text);
        byte[] bytes = new byte[length < 0 ? 0 : length];
        if (length > 0) MqttUtf8.Encode(text, bytes, 0);
        return bytes;
    }

    static bool BytesEqual(byte[] expected, byte[] buffer, int offset, int length)
    {
        if (expected.Length != length) return false;
        for (int i = 0; i < length; i++)
        {
            if (expected[i] != buffer[offset + i]) return false;
        }
        return true;
    }
}
