using System.Collections.Generic;
using System.Text.Json;

namespace EdgeSensor.Harness.View;

/// <summary>A telemetry document flattened for a console: <c>seq=12 dht22.temperature_c=23.4 ...</c>.</summary>
static class TelemetryText
{
    public static IReadOnlyList<KeyValuePair<string, string>> Values(string json)
    {
        var values = new List<KeyValuePair<string, string>>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.TryGetProperty("seq", out JsonElement seq))
            {
                values.Add(new("seq", seq.GetRawText()));
            }

            if (root.TryGetProperty("sensors", out JsonElement sensors) && sensors.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty sensor in sensors.EnumerateObject())
                {
                    if (sensor.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (JsonProperty quantity in sensor.Value.EnumerateObject())
                    {
                        values.Add(new(sensor.Name + "." + quantity.Name, quantity.Value.GetRawText()));
                    }
                }
            }
        }
        catch (JsonException)
        {
            values.Add(new("unreadable", json));
        }

        return values;
    }

    public static string Line(string json)
    {
        var parts = new List<string>();
        foreach (KeyValuePair<string, string> value in Values(json))
        {
            parts.Add(value.Key + "=" + value.Value);
        }

        return string.Join(" ", parts);
    }
}
