using EdgeSensor.Device.Json;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>
/// Reads whole documents with <see cref="JsonReader"/> into a comparable form: each token as "Type" or
/// "Type:value" (strings decoded, numbers as written), joined by '|' (no vector holds one).
/// </summary>
public static class ReaderTokens
{
    public static string Read(byte[] json)
    {
        JsonReader reader = new JsonReader(json, 0, json.Length);
        string tokens = "";
        while (reader.Read())
        {
            tokens = tokens.Length == 0 ? Describe(reader) : tokens + "|" + Describe(reader);
        }

        return tokens;
    }

    public static string Read(string json)
    {
        return Read(Utf8Text.Bytes(json));
    }

    public static string Describe(JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return "String:" + reader.GetString();
            case JsonTokenType.PropertyName:
                return "PropertyName:" + reader.GetString();
            case JsonTokenType.Number:
                return "Number:" + reader.GetNumberText();
            default:
                return Name(reader.TokenType);
        }
    }

    /// <summary>Enum names by hand: nanoCLR's Enum.ToString gives the number.</summary>
    public static string Name(JsonTokenType type)
    {
        switch (type)
        {
            case JsonTokenType.None: return "None";
            case JsonTokenType.StartObject: return "StartObject";
            case JsonTokenType.EndObject: return "EndObject";
            case JsonTokenType.StartArray: return "StartArray";
            case JsonTokenType.EndArray: return "EndArray";
            case JsonTokenType.PropertyName: return "PropertyName";
            case JsonTokenType.String: return "String";
            case JsonTokenType.Number: return "Number";
            case JsonTokenType.True: return "True";
            case JsonTokenType.False: return "False";
            case JsonTokenType.Null: return "Null";
            default: return "?" + ((int)type).ToString();
        }
    }

    /// <summary>The exception reading <paramref name="json"/> to its end throws; fails the test if it reads cleanly.</summary>
    public static JsonReaderException ReadFails(byte[] json)
    {
        try
        {
            Read(json);
        }
        catch (JsonReaderException error)
        {
            return error;
        }

        Assert.IsTrue(false, "the document was accepted");
        return null;
    }

    /// <summary>What is wrong, without the place the message adds (" at line 1, column 2 (byte 1)").</summary>
    public static string Problem(JsonReaderException error)
    {
        int at = error.Message.LastIndexOf(" at line ");
        Assert.IsTrue(at > 0, "no position in: " + error.Message);
        return error.Message.Substring(0, at);
    }

    public static JsonReader OnFirstToken(string json)
    {
        byte[] bytes = Utf8Text.Bytes(json);
        JsonReader reader = new JsonReader(bytes, 0, bytes.Length);
        Assert.IsTrue(reader.Read(), "a first token");
        return reader;
    }
}
