using System.Collections;
using System.Reflection;
using EdgeSensor.Device.Json;

namespace EdgeSensor.Device.Config.Parsing;

/// <summary>
/// Walks a configuration document with a <see cref="JsonReader"/>, guided by <see cref="ConfigSchema"/>: each
/// member is looked up by its name in its object's rows and read and checked by its row's type; unknown and
/// repeated members, members of another kind and missing ones are refused the same way everywhere. Every
/// problem is a <see cref="ConfigException"/> naming the field. Each object is handed to
/// <see cref="DeviceConfigParser"/> as soon as it ends, so refusals come in document order. Recursion follows
/// the schema's three levels, never the document's nesting.
/// <para>
/// A desired settings document is read the same way, onto a copy of the compiled-in configuration: only the rows
/// a settings document may hold are accepted (the others are refused by name), and its sensors and actuators are
/// the compiled-in ones named by their <c>name</c>, whose kind and wiring they keep.
/// </para>
/// </summary>
sealed partial class ConfigReader
{
    // Owners of the pins and I2C addresses taken so far: slots 0 to 39 are the GPIOs, then 128 addresses per bus.
    const int FirstAddressSlot = 40;

    /// <summary>The refusal of a member a settings document may not hold.</summary>
    const string NotRemote = "not a remote setting (Wi-Fi, broker, credentials, id and wiring are compiled in)";

    readonly JsonReader json;
    readonly object[] owners = new object[FirstAddressSlot + 2 * 128];

    /// <summary>For a settings document: the configuration it applies to; null for the compiled-in configuration itself.</summary>
    public readonly DeviceConfig CompiledIn;

    public ConfigReader(byte[] document, int offset, int count, DeviceConfig compiledIn)
    {
        json = new JsonReader(document, offset, count);
        CompiledIn = compiledIn;
    }

    public bool Remote => CompiledIn != null;

    public DeviceConfig ReadDocument()
    {
        Advance(ConfigText.Document);
        ConfigObject root = ReadObject(string.Empty, ConfigSchema.Root, null, Remote ? CompiledIn.Copy() : new DeviceConfig());

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
        if (taken != null) throw new ConfigException(path, resource + " is already used by " + (string)taken);

        owners[slot] = owner;
    }

    public static int AddressSlot(int bus, int address) => FirstAddressSlot + ((bus - 1) * 128) + address;

    ConfigObject ReadObject(string path, int section, string arrayPath, object model)
    {
        if (json.TokenType != JsonTokenType.StartObject) throw Mismatch(ConfigText.OfObject(path), "an object");

        ConfigObject read = new ConfigObject(this, model, section, path, arrayPath);
        ConfigField[] fields = ConfigSchema.Fields;
        while (true)
        {
            Advance(ConfigText.OfObject(path));
            if (json.TokenType == JsonTokenType.EndObject) break;

            int row = 0;
            while (row < fields.Length && (fields[row].Section != section || !json.TextEquals(fields[row].Name))) row++;

            if (row < fields.Length && !fields[row].AllowedIn(Remote))
            {
                if (Remote) throw new ConfigException(ConfigText.Member(path, fields[row].Name), NotRemote);

                row = fields.Length; // a settings document's own member: unknown here
            }

            if (row == fields.Length)
            {
                // nanoFramework strings end at U+0000: "host\u0000" would be named as the known member "host".
                if (json.ContainsNul())
                    throw new ConfigException(ConfigText.OfObject(path), "a property name must not contain U+0000");

                throw new ConfigException(ConfigText.Member(path, ConfigText.Bare(json.GetString())),
                    "unknown property (known: " + ConfigSchema.Known(section, -1, Remote) + ")");
            }

            string memberPath = ConfigText.Member(path, fields[row].Name);
            if (read.Values[row] != null) throw new ConfigException(memberPath, "given twice");

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

        if (ConfigSchema.KindsOf(section) != null) CheckElement(read);

        return read;
    }

    ArrayList ReadArray(string path, int section)
    {
        if (json.TokenType != JsonTokenType.StartArray) throw Mismatch(path, "an array");

        ConfigField[] fields = ConfigSchema.Fields;
        ArrayList elements = new ArrayList();
        ArrayList keys = new ArrayList();
        while (true)
        {
            string elementPath = ConfigText.Element(path, elements.Count);
            Advance(elementPath);
            if (json.TokenType == JsonTokenType.EndArray) return elements;

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
                        throw element.Refuse(fields[row].Name, ConfigText.Quote((string)key) + " is already the name of " + element.Sibling(earlier));

                    keys.Add(key);
                }
            }

            elements.Add(element.Model);
        }
    }

    /// <summary>
    /// An array element's kind and key first, then the members its kind may not have, then the ones it must
    /// have: in that order, so that a wrong kind is reported before what follows from it. In a settings document
    /// the key names a compiled-in element, which brings the kind, and nothing else is required.
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
                if (field.Section != element.Section || (pass == 0) != first || (Remote && (pass == 2 || field.Type == ConfigField.Kind))) continue;

                if (value == null && (pass == 0 || (pass == 2 && field.Required != null && field.AllowedFor(element.Kind))))
                    throw element.Refuse(field.Name, "missing (" + field.Required + ")");

                if (value != null && pass == 1 && !field.AllowedFor(element.Kind))
                {
                    throw element.Refuse(field.Name, "not a property of a " + kindText + (element.Section == ConfigSchema.Sensor ? " sensor" : " actuator")
                        + " (known: " + ConfigSchema.Known(element.Section, element.Kind, Remote) + ")");
                }

                if (pass == 0 && field.Type == ConfigField.Key)
                    ConfigRules.CheckLabel(element.PathOf(field.Name), (string)value);
                else if (pass == 0)
                {
                    kindText = (string)value;
                    while (++element.Kind < kinds.Length && kinds[element.Kind] != kindText)
                    {
                    }

                    if (element.Kind == kinds.Length)
                        throw element.Refuse(field.Name, "expected " + field.Required + ", got " + ConfigText.Quote(kindText));
                }
            }

            if (pass == 0 && Remote) kindText = kinds[DeviceConfigParser.FindCompiled(element)];
        }
    }

    /// <summary>Moves to the next token; a syntax error is reported at <paramref name="path"/>, the field being read.</summary>
    void Advance(string path)
    {
        try
        {
            json.Read();
        }
        catch (JsonReaderException error)
        {
            throw new ConfigException(path, "invalid JSON: " + error.Message, error.Position);
        }
    }
}
