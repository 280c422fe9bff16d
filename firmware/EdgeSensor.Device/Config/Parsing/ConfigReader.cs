using System.Collections;
using System.Reflection;
using EdgeSensor.Device.Json;

namespace EdgeSensor.Device.Config.Parsing
{
    /// <summary>
    /// Walks a configuration document with a <see cref="JsonReader"/>, guided by <see cref="ConfigSchema"/>: each
    /// member is looked up by its name in its object's rows and read and checked by its row's type; unknown and
    /// repeated members, members of another kind and missing ones are refused the same way everywhere. Every
    /// problem is a <see cref="ConfigException"/> naming the field. Each object is handed to
    /// <see cref="DeviceConfigParser"/> as soon as it ends, so refusals come in document order. Recursion follows
    /// the schema's three levels, never the document's nesting.
    /// </summary>
    internal sealed class ConfigReader
    {
        // Owners of the pins and I2C addresses taken so far: slots 0 to 39 are the GPIOs, then 128 addresses per bus.
        const int FirstAddressSlot = 40;

        readonly JsonReader json;
        readonly object[] owners = new object[FirstAddressSlot + 2 * 128];

        // Where a JSON syntax error is reported: the field whose value was being read.
        string currentPath = ConfigText.Document;

        public ConfigReader(byte[] document, int offset, int count)
        {
            json = new JsonReader(document, offset, count);
        }

        public DeviceConfig ReadDocument()
        {
            Advance(ConfigText.Document);
            ConfigObject root = ReadObject(string.Empty, ConfigSchema.Root, null, new DeviceConfig());

            // Only whitespace may follow; that is checked before the rules that span the whole document.
            Advance(ConfigText.Document);
            DeviceConfigParser.Check(root, null);
            return (DeviceConfig)root.Model;
        }

        /// <summary>
        /// Gives the resource in <paramref name="slot"/> (a GPIO, or an I2C address from <see cref="AddressSlot"/>)
        /// to <paramref name="owner"/>; refused at <paramref name="path"/> when another field took it first.
        /// </summary>
        public void Claim(string path, int slot, string owner, string resource)
        {
            object taken = owners[slot];
            if (taken != null)
            {
                throw new ConfigException(path, resource + " is already used by " + (string)taken);
            }

            owners[slot] = owner;
        }

        public static int AddressSlot(int bus, int address)
        {
            return FirstAddressSlot + ((bus - 1) * 128) + address;
        }

        ConfigObject ReadObject(string path, int section, string arrayPath, object model)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw Mismatch(ConfigText.OfObject(path), "an object");
            }

            ConfigObject read = new ConfigObject(this, model, section, path, arrayPath);
            ConfigField[] fields = ConfigSchema.Fields;
            while (true)
            {
                Advance(ConfigText.OfObject(path));
                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                int row = 0;
                while (row < fields.Length && (fields[row].Section != section || !json.TextEquals(fields[row].Name)))
                {
                    row++;
                }

                if (row == fields.Length)
                {
                    throw new ConfigException(ConfigText.Member(path, ConfigText.Bare(json.GetString())),
                        "unknown property (known: " + ConfigSchema.Known(section, -1) + ")");
                }

                string memberPath = ConfigText.Member(path, fields[row].Name);
                if (read.Values[row] != null)
                {
                    throw new ConfigException(memberPath, "given twice");
                }

                Advance(memberPath);
                object value = ReadValue(fields[row], memberPath, model);
                read.Values[row] = value;
                if (fields[row].Field != null)
                {
                    FieldInfo target = model.GetType().GetField(fields[row].Field);
                    ArrayList elements = value as ArrayList;
                    target.SetValue(model, elements == null ? value : elements.ToArray(target.FieldType.GetElementType()));
                }
            }

            if (ConfigSchema.KindsOf(section) != null)
            {
                CheckElement(read);
            }

            return read;
        }

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
                    if (token != JsonTokenType.True && token != JsonTokenType.False)
                    {
                        throw Mismatch(path, "true or false");
                    }

                    return token == JsonTokenType.True;
                case ConfigField.Integer:
                case ConfigField.AtLeast:
                case ConfigField.Pin:
                    return ReadInteger(field, path);
                case ConfigField.Address:
                    return ReadAddress(field, path);
                case ConfigField.SafeState:
                    // Kept as written until the kind says what it must be: the refusal quotes it then.
                    if (token == JsonTokenType.StartObject || token == JsonTokenType.StartArray)
                    {
                        throw Mismatch(path, "a string or a number");
                    }

                    int percent = 0;
                    bool integer = token == JsonTokenType.Number && json.TryGetInt32(out percent);
                    string written = token == JsonTokenType.String ? ConfigText.Quote(json.GetString())
                        : token == JsonTokenType.Number ? ConfigText.Number(json.GetNumberText()) : Describe(token);
                    return new object[] { written, integer ? (object)percent : null };
                default:
                    if (token != JsonTokenType.String)
                    {
                        throw Mismatch(path, "a string");
                    }

                    // nanoFramework strings end at U+0000: "a\u0000b" would arrive as "a" and pass every later check.
                    if (json.ContainsNul())
                    {
                        throw new ConfigException(path, "must not contain U+0000");
                    }

                    string text = json.GetString();
                    ConfigRules.Check(field.Type, path, text);
                    return text;
            }
        }

        ArrayList ReadArray(string path, int section)
        {
            if (json.TokenType != JsonTokenType.StartArray)
            {
                throw Mismatch(path, "an array");
            }

            ConfigField[] fields = ConfigSchema.Fields;
            ArrayList elements = new ArrayList();
            ArrayList keys = new ArrayList();
            while (true)
            {
                string elementPath = ConfigText.Element(path, elements.Count);
                Advance(elementPath);
                if (json.TokenType == JsonTokenType.EndArray)
                {
                    return elements;
                }

                ConfigObject element = ReadObject(elementPath, section, path, DeviceConfigParser.Create(section));
                DeviceConfigParser.Check(element, elements);

                // An element's key (its name) is how topics and telemetry tell it from its siblings.
                for (int row = 0; row < fields.Length; row++)
                {
                    if (fields[row].Section == section && fields[row].Type == ConfigField.Key)
                    {
                        object key = element.Values[row];
                        int earlier = keys.IndexOf(key);
                        if (earlier >= 0)
                        {
                            throw element.Refuse(fields[row].Name, ConfigText.Quote((string)key) + " is already the name of " + element.Sibling(earlier));
                        }

                        keys.Add(key);
                    }
                }

                elements.Add(element.Model);
            }
        }

        int ReadInteger(ConfigField field, string path)
        {
            if (json.TokenType != JsonTokenType.Number)
            {
                throw Mismatch(path, "a number");
            }

            int value;
            bool ranged = field.Type == ConfigField.Integer;
            if (!json.TryGetInt32(out value) || (ranged && (value < field.Min || value > field.Max)))
            {
                throw new ConfigException(path, "expected an integer"
                    + (ranged ? " from " + field.Min.ToString() + " to " + field.Max.ToString() : string.Empty)
                    + ", got " + ConfigText.Number(json.GetNumberText()));
            }

            if (field.Type == ConfigField.AtLeast && value < field.Min)
            {
                throw new ConfigException(path, "expected an integer of at least " + field.Min.ToString() + ", got " + value.ToString());
            }

            return value;
        }

        /// <summary>A number, or a string "0x.." as datasheets write it.</summary>
        int ReadAddress(ConfigField field, string path)
        {
            const string Expected = "a 7-bit I2C address";
            if (json.TokenType == JsonTokenType.Number)
            {
                int number = ReadInteger(field, path);
                if (number < 0 || number > 0x7F)
                {
                    throw new ConfigException(path, "expected " + Expected + " from 0x00 to 0x7f, got " + number.ToString());
                }

                return number;
            }

            if (json.TokenType != JsonTokenType.String)
            {
                throw Mismatch(path, "an I2C address as a number or a \"0x..\" string");
            }

            string text = json.GetString();
            int value = 0;
            bool valid = text.Length >= 3 && text.Length <= 4 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
            for (int index = 2; valid && index < text.Length; index++)
            {
                int digit = JsonReader.HexValue(text[index]);
                valid = digit >= 0;
                value = (value << 4) | digit;
            }

            if (!valid || value > 0x7F)
            {
                throw new ConfigException(path, "expected " + Expected + " as a number or a \"0x..\" string up to 0x7f, got " + ConfigText.Quote(text));
            }

            return value;
        }

        /// <summary>
        /// An array element's kind and key first, then the members its kind may not have, then the ones it must
        /// have: in that order, so that a wrong kind is reported before what follows from it.
        /// </summary>
        void CheckElement(ConfigObject element)
        {
            string[] kinds = ConfigSchema.KindsOf(element.Section);
            ConfigField[] fields = ConfigSchema.Fields;
            string kindText = null;
            for (int pass = 0; pass < 3; pass++)
            {
                for (int row = 0; row < fields.Length; row++)
                {
                    ConfigField field = fields[row];
                    object value = element.Values[row];
                    bool first = field.Type == ConfigField.Kind || field.Type == ConfigField.Key;
                    if (field.Section != element.Section || (pass == 0) != first)
                    {
                        continue;
                    }

                    if (value == null && (pass == 0 || (pass == 2 && field.Required != null && field.AllowedFor(element.Kind))))
                    {
                        throw element.Refuse(field.Name, "missing (" + field.Required + ")");
                    }

                    if (value != null && pass == 1 && !field.AllowedFor(element.Kind))
                    {
                        throw element.Refuse(field.Name, "not a property of a " + kindText + (element.Section == ConfigSchema.Sensor ? " sensor" : " actuator")
                            + " (known: " + ConfigSchema.Known(element.Section, element.Kind) + ")");
                    }

                    if (pass == 0 && field.Type == ConfigField.Key)
                    {
                        ConfigRules.CheckLabel(element.PathOf(field.Name), (string)value);
                    }
                    else if (pass == 0)
                    {
                        kindText = (string)value;
                        while (++element.Kind < kinds.Length && kinds[element.Kind] != kindText)
                        {
                        }

                        if (element.Kind == kinds.Length)
                        {
                            throw element.Refuse(field.Name, "expected " + field.Required + ", got " + ConfigText.Quote(kindText));
                        }
                    }
                }
            }
        }

        /// <summary>"expected X, got a string": names the type found, never its content.</summary>
        ConfigException Mismatch(string path, string expected)
        {
            return new ConfigException(path, "expected " + expected + ", got " + Describe(json.TokenType));
        }

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

        void Advance(string path)
        {
            currentPath = path;
            try
            {
                json.Read();
            }
            catch (JsonReaderException error)
            {
                throw new ConfigException(currentPath, "invalid JSON: " + error.Message, error.Position);
            }
        }
    }
}
