using EdgeSensor.Device.Json;

namespace EdgeSensor.Device.Config.Parsing;

/// <summary>One member's value, read and checked by its row's type as soon as the reader is on it.</summary>
sealed partial class ConfigReader
{
    /// <summary>Reads the value the reader is on, by the member's type; null never comes back.</summary>
    object ReadValue(ConfigField field, string path, object model)
    {
        JsonTokenType token = json.TokenType;
        switch (field.Type)
        {
            case ConfigField.Object:
                // Without a model field of its own, the object's members are fields of the model it is in.
                ConfigObject read = ReadObject(path, field.Min, null, field.Field == null ? model : DeviceConfigParser.Create(field.Min));
                DeviceConfigParser.Check(read, null);
                return read.Model;
            case ConfigField.Array:
                return ReadArray(path, field.Min);
            case ConfigField.Flag:
                if (token != JsonTokenType.True && token != JsonTokenType.False) throw Mismatch(path, "true or false");

                return token == JsonTokenType.True;
            case ConfigField.Integer:
            case ConfigField.AtLeast:
            case ConfigField.Pin:
                return ReadInteger(field, path);
            case ConfigField.Address:
                return ReadAddress(field, path);
            case ConfigField.Tenths:
                return ReadTenths(field, path);
            case ConfigField.SafeState:
                // Kept as written until the kind says what it must be: the refusal quotes it then.
                if (token == JsonTokenType.StartObject || token == JsonTokenType.StartArray)
                    throw Mismatch(path, "a string or a number");

                int percent = 0;
                bool integer = token == JsonTokenType.Number && json.TryGetInt32(out percent);
                string written = token == JsonTokenType.String ? ConfigText.Quote(Text(path))
                    : token == JsonTokenType.Number ? ConfigText.Number(json.GetNumberText()) : Describe(token);
                return new object[] { written, integer ? (object)percent : null };
            default:
                if (token != JsonTokenType.String) throw Mismatch(path, "a string");

                string text = Text(path);
                ConfigRules.Check(field.Type, path, text);
                return text;
        }
    }

    int ReadInteger(ConfigField field, string path)
    {
        if (json.TokenType != JsonTokenType.Number) throw Mismatch(path, "a number");

        int value;
        bool ranged = field.Type == ConfigField.Integer;
        if (!json.TryGetInt32(out value) || (ranged && (value < field.Min || value > field.Max)))
        {
            throw new ConfigException(path, "expected an integer"
                + (ranged ? " from " + field.Min.ToString() + " to " + field.Max.ToString() : string.Empty)
                + ", got " + ConfigText.Number(json.GetNumberText()));
        }

        if (field.Type == ConfigField.AtLeast && value < field.Min)
            throw new ConfigException(path, "expected an integer of at least " + field.Min.ToString() + ", got " + value.ToString());

        return value;
    }

    /// <summary>A number with at most one decimal (what telemetry reports), from 0 to the row's Max tenths: in tenths.</summary>
    int ReadTenths(ConfigField field, string path)
    {
        if (json.TokenType != JsonTokenType.Number) throw Mismatch(path, "a number");

        string text = json.GetNumberText();
        int point = text.IndexOf('.');
        bool valid = text[0] != '-' && text.Length <= 8 && (point < 0 || point == text.Length - 2) && text.IndexOf('e') < 0 && text.IndexOf('E') < 0;
        int tenths = 0;
        for (int index = 0; valid && index < text.Length; index++)
        {
            if (index != point) tenths = (tenths * 10) + (text[index] - '0');
        }

        if (point < 0) tenths *= 10;

        if (!valid || tenths > field.Max)
            throw new ConfigException(path, "expected a number from 0 to " + (field.Max / 10).ToString() + " with at most one decimal, got " + ConfigText.Number(text));

        return tenths;
    }

    /// <summary>A number, or a string "0x.." as datasheets write it.</summary>
    int ReadAddress(ConfigField field, string path)
    {
        const string Expected = "a 7-bit I2C address";
        if (json.TokenType == JsonTokenType.Number)
        {
            int number = ReadInteger(field, path);
            if (number < 0 || number > 0x7F)
                throw new ConfigException(path, "expected " + Expected + " from 0x00 to 0x7f, got " + number.ToString());

            return number;
        }

        if (json.TokenType != JsonTokenType.String) throw Mismatch(path, "an I2C address as a number or a \"0x..\" string");

        string text = Text(path);
        int value = 0;
        bool valid = text.Length >= 3 && text.Length <= 4 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
        for (int index = 2; valid && index < text.Length; index++)
        {
            int digit = JsonReader.HexValue(text[index]);
            valid = digit >= 0;
            value = (value << 4) | digit;
        }

        if (!valid || value > 0x7F)
            throw new ConfigException(path, "expected " + Expected + " as a number or a \"0x..\" string up to 0x7f, got " + ConfigText.Quote(text));

        return value;
    }

    /// <summary>
    /// The decoded String token the reader is on. nanoFramework strings end at U+0000: "a\u0000b" would arrive as
    /// "a" (and "on\u0000" as "on") and pass every later check, so no configuration string may hold one.
    /// </summary>
    string Text(string path)
    {
        if (json.ContainsNul()) throw new ConfigException(path, "must not contain U+0000");

        return json.GetString();
    }

    /// <summary>"expected X, got a string": names the type found, never its content.</summary>
    ConfigException Mismatch(string path, string expected)
        => new ConfigException(path, "expected " + expected + ", got " + Describe(json.TokenType));

    static string Describe(JsonTokenType type)
    {
        switch (type)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "an array";
            case JsonTokenType.String:
                return "a string";
            case JsonTokenType.Number:
                return "a number";
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            default:
                return "nothing";
        }
    }
}
