namespace EdgeSensor.Device.Config.Parsing;

/// <summary>
/// One object of the document as <see cref="ConfigReader"/> read and checked it: its model, whose fields the
/// rows named are set, and the values by row of <see cref="ConfigSchema.Fields"/> (null where a member was left
/// out) for the rules of <see cref="DeviceConfigParser"/>.
/// </summary>
sealed class ConfigObject
{
    public readonly ConfigReader Reader;

    /// <summary>What the object becomes: a DeviceConfig, BrokerConfig, SensorConfig, ...</summary>
    public object Model;
    public readonly int Section;
    public readonly string Path;

    /// <summary>The array this object is an element of, or null: where its siblings are.</summary>
    public readonly string ArrayPath;

    /// <summary>One slot per row of the schema; only this section's rows are used.</summary>
    public readonly object[] Values = new object[ConfigSchema.Fields.Length];

    /// <summary>For array elements with kinds: the kind's index in its section's kinds list.</summary>
    public int Kind = -1;

    /// <summary>In a settings document: the compiled-in sensor or actuator this element names.</summary>
    public object Compiled;

    public ConfigObject(ConfigReader reader, object model, int section, string path, string arrayPath)
    {
        Reader = reader;
        Model = model;
        Section = section;
        Path = path;
        ArrayPath = arrayPath;
    }

    /// <summary>A member's value as read (see <see cref="ConfigReader"/>'s ReadValue), or null when it was left out.</summary>
    public object Value(string name) => Values[Row(name)];

    /// <summary>The path of one of its members: <c>sensors[1].address</c>.</summary>
    public string PathOf(string name) => ConfigText.Member(Path, name);

    /// <summary>The path of an earlier element of the same array: <c>sensors[0]</c>.</summary>
    public string Sibling(int index) => ConfigText.Element(ArrayPath, index);

    /// <summary>A refusal of one of its members.</summary>
    public ConfigException Refuse(string name, string problem) => new ConfigException(PathOf(name), problem);

    /// <summary>Checks a pin member's GPIO; <paramref name="user"/> says who needs it driven ("an actuator").</summary>
    public void CheckGpio(string name, int pin, string user)
    {
        ConfigRules.CheckGpio(PathOf(name), pin, user);
    }

    /// <summary>Gives a checked GPIO to this member, refusing one another member already took.</summary>
    public void ClaimGpio(string name, int pin)
    {
        Reader.Claim(PathOf(name), pin, PathOf(name), "GPIO " + pin.ToString());
    }

    /// <summary>
    /// Makes <paramref name="copy"/> (of the compiled-in element) the model, with the members this object holds set on
    /// it: a settings document's element changes only what it names.
    /// </summary>
    public void Overlay(object copy)
    {
        for (int row = 0; row < Values.Length; row++)
        {
            ConfigField field = ConfigSchema.Fields[row];
            if (field.Section == Section && field.Field != null && Values[row] != null) copy.GetType().GetField(field.Field).SetValue(copy, Values[row]);
        }

        Model = copy;
    }

    int Row(string name)
    {
        int row = 0;
        while (ConfigSchema.Fields[row].Section != Section || ConfigSchema.Fields[row].Name != name) row++;

        return row;
    }
}
