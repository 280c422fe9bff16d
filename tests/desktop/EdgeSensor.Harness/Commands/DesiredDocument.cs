using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness.Commands;

/// <summary>
/// The desired settings document `settings` publishes: the one given with --file, or else the current desired one (or
/// an empty one), with each --set applied and the next version. Keys name members as the device's refusals do
/// (docs/device-topics.md): <c>telemetry.interval_s</c>, <c>homeassistant.discovery</c>, and for a sensor or actuator
/// <c>sensors.&lt;name&gt;.enabled</c>, the element of the array with that name. The device judges the result.
/// </summary>
static class DesiredDocument
{
    const string Example = "e.g. telemetry.interval_s=30 or actuators.relay1.display_name=Pump";

    /// <summary>The document to change: the file's, the current desired one, or an empty one.</summary>
    public static JsonObject Start(string file, string currentDesired)
    {
        if (file != null)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException("cannot read --file " + file + ": " + e.Message);
            }

            return Parse(text) ?? throw new UserErrorException("--file " + file + " is not a JSON object: a settings document is one (docs/device-topics.md)");
        }

        // A current document that is not an object (someone published junk) is replaced, not edited.
        return string.IsNullOrEmpty(currentDesired) ? new JsonObject() : Parse(currentDesired) ?? new JsonObject();
    }

    /// <summary>Applies one <c>key=value</c>: the value is JSON when it reads as JSON (30, true, "on"), else text; <c>null</c> removes the member.</summary>
    public static void Set(JsonObject document, string assignment)
    {
        int equals = assignment.IndexOf('=');
        string[] path = equals > 0 ? assignment[..equals].Split('.') : Array.Empty<string>();
        if (path.Length == 0 || path.Length > 3 || path.Any(string.IsNullOrEmpty) || path[0] == "version"
            || (path.Length == 3 && path[0] is not ("sensors" or "actuators")))
        {
            throw new UserErrorException("bad --set '" + assignment + "': give key=value, " + Example + " (the command numbers the version itself)");
        }

        string text = assignment[(equals + 1)..];
        JsonNode value = ValueOf(text);
        JsonObject parent = document;
        if (path.Length == 3)
        {
            JsonArray elements = document[path[0]] as JsonArray ?? new JsonArray();
            document[path[0]] = elements;
            parent = elements.OfType<JsonObject>().FirstOrDefault(e => e["name"]?.GetValueKind() == JsonValueKind.String && (string)e["name"] == path[1]);
            if (parent == null)
            {
                parent = new JsonObject { ["name"] = path[1] };
                elements.Add(parent);
            }
        }
        else if (path.Length == 2)
        {
            parent = document[path[0]] as JsonObject ?? new JsonObject();
            document[path[0]] = parent;
        }

        if (value == null && text == "null")
        {
            parent.Remove(path[^1]);
        }
        else
        {
            parent[path[^1]] = value;
        }
    }

    /// <summary>Sets the version (first, where people look for it) and writes the document compactly.</summary>
    public static byte[] Versioned(JsonObject document, int version)
    {
        document.Remove("version");
        var versioned = new JsonObject { ["version"] = version };
        foreach (var member in document.ToList())
        {
            document.Remove(member.Key);
            versioned[member.Key] = member.Value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(versioned);
    }

    static JsonNode ValueOf(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    static JsonObject Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
