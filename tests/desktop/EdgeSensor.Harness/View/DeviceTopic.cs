namespace EdgeSensor.Harness.View;

/// <summary>
/// Where a message sits in the topic contract: <c>&lt;prefix&gt;/&lt;id&gt;/&lt;kind&gt;[/&lt;name&gt;]</c>, the name being
/// an actuator's (state, cmd) or <c>desired</c> or <c>reported</c> (settings).
/// </summary>
sealed record DeviceTopic(string DeviceId, string Kind, string Name)
{
    public const string Status = "status";
    public const string Info = "info";
    public const string Telemetry = "telemetry";
    public const string Event = "event";
    public const string State = "state";
    public const string Command = "cmd";
    public const string Settings = "settings";
    public const string Desired = "desired";
    public const string Reported = "reported";

    /// <summary>Null for topics outside <paramref name="prefix"/> or the contract.</summary>
    public static DeviceTopic Parse(string prefix, string topic)
    {
        if (!topic.StartsWith(prefix + "/", System.StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = topic.Substring(prefix.Length + 1).Split('/');
        return parts.Length switch
        {
            2 => new DeviceTopic(parts[0], parts[1], null),
            3 when parts[1] is State or Command || (parts[1] == Settings && parts[2] is Desired or Reported) => new DeviceTopic(parts[0], parts[1], parts[2]),
            _ => null,
        };
    }

    public static string Filter(string prefix, string deviceId) => prefix + "/" + deviceId + "/#";
}
