using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>Configuration documents written inline with ' for " (non-ASCII as in <see cref="Utf8Text"/>), parsed and refused.</summary>
public static class ConfigDocument
{
    public static DeviceConfig Parse(string singleQuoted)
    {
        return Parse(Utf8Text.Json(singleQuoted));
    }

    public static DeviceConfig Parse(byte[] json)
    {
        return DeviceConfigParser.Parse(json, 0, json.Length);
    }

    /// <summary>The ConfigException parsing <paramref name="json"/> throws; fails the test if it is accepted.</summary>
    public static ConfigException Refused(byte[] json)
    {
        try
        {
            Parse(json);
        }
        catch (ConfigException error)
        {
            return error;
        }

        Assert.IsTrue(false, "the document was accepted");
        return null;
    }

    /// <summary>Refused by a rule (not by JSON syntax): the message is the field and the problem, and there is no position.</summary>
    public static void AssertRefusedByRule(string singleQuoted, string message)
    {
        ConfigException error = Refused(Utf8Text.Json(singleQuoted));

        Assert.AreEqual(message, error.Message, "message");
        Assert.AreEqual(-1, error.Position, "a rule has no position");
        Assert.AreEqual(message, error.Path + ": " + error.Problem, "path and problem");
    }
}
