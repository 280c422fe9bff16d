using System.Text.Json;

namespace EdgeSensor.Harness.View;

/// <summary>
/// A device's desired and reported settings documents (docs/device-topics.md) as a console shows them: by version, and
/// whether the reported ones lag the desired ones (the device is offline, or refused or ignored the desired document).
/// </summary>
static class SettingsText
{
    /// <summary>The document's version; 0 for no document (the compiled-in settings), null when it is not a settings document.</summary>
    public static int? VersionOf(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return 0;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out JsonElement version)
                && version.TryGetInt32(out int value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>desired=4 reported=3 (reported lags desired)</c>; a side not seen yet is <c>-</c>, an unreadable document <c>?</c>.</summary>
    public static string Describe(string desired, bool desiredSeen, string reported, bool reportedSeen)
    {
        string d = desiredSeen ? Version(desired) : "-";
        string r = reportedSeen ? Version(reported) : "-";
        return "desired=" + d + " reported=" + r + (Lags(desired, desiredSeen, reported, reportedSeen) ? " (reported lags desired)" : "");
    }

    /// <summary>Both seen and the device reports another version than the desired one (0 when there is none).</summary>
    public static bool Lags(string desired, bool desiredSeen, string reported, bool reportedSeen) =>
        desiredSeen && reportedSeen && VersionOf(desired) != VersionOf(reported);

    static string Version(string json) => VersionOf(json) is int version ? version.ToString() : "?";
}
