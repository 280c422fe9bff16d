using System.Collections.Generic;
using System.Text;
using EdgeSensor.Device.Json;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>Reads whole documents with <see cref="JsonReader"/> into a comparable form: one line per token.</summary>
static class JsonTokens
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Each token as "Type" or "Type:value" (strings decoded, numbers as written).</summary>
    public static List<string> Read(string json) => Read(Utf8(json));

    public static List<string> Read(byte[] json)
    {
        var reader = new JsonReader(json, 0, json.Length);
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(Describe(reader));
        }

        return tokens;
    }

    public static string Describe(JsonReader reader)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String or JsonTokenType.PropertyName => reader.TokenType + ":" + reader.GetString(),
            JsonTokenType.Number => reader.TokenType + ":" + reader.GetNumberText(),
            _ => reader.TokenType.ToString(),
        };
    }
}
