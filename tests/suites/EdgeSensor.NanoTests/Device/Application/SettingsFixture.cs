namespace EdgeSensor.NanoTests.Application;

/// <summary>Desired settings for the sample device (<see cref="DeviceFixture"/>), and the reported documents it answers with.</summary>
public static class SettingsFixture
{
    public const string Desired = DeviceFixture.Base + "/settings/desired";
    public const string Reported = DeviceFixture.Base + "/settings/reported";
    public const string Dht = "'enabled':true,'change':0.0";
    public const string Relay = "'display_name':'relay1','safe_state':'off'";

    /// <summary>What the sample device runs with before any settings document: version 0.</summary>
    public static readonly byte[] CompiledIn = ReportedDocument(0, 10, Dht, Relay);

    /// <summary>The sample device's reported settings, with the members of the DHT and the relay given (single-quoted).</summary>
    public static byte[] ReportedDocument(int version, int interval, string dht, string relay)
    {
        return Ascii.Json("{'version':" + version.ToString() + ",'telemetry':{'interval_s':" + interval.ToString() + ",'qos':1,'min_interval_s':0},"
            + "'homeassistant':{'discovery':false},'sensors':[{'name':'dht22'," + dht + "}],"
            + "'actuators':[{'name':'relay1'," + relay + "},{'name':'led','display_name':'led','safe_state':5}]}");
    }

    /// <summary>The device receives a desired document as the broker hands over a retained one, and its loop runs.</summary>
    public static void Desire(DeviceFixture f, string singleQuoted)
    {
        f.Receive(Desired, Ascii.Json(singleQuoted), true);
        f.Tick();
    }
}
