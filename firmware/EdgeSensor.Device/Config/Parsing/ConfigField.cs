namespace EdgeSensor.Device.Config.Parsing;

/// <summary>
/// One member of an object in the configuration document, a row of <see cref="ConfigSchema.Fields"/>: which
/// object it belongs to, its name, the model field its value goes to, the type of its value with that type's
/// rule, and which kinds of sensor or actuator may have it. <see cref="ConfigReader"/> reads, checks and
/// stores every member by its row alone.
/// </summary>
sealed class ConfigField
{
    // Strings, checked as they are read: none may hold U+0000, which would end the string on the device.
    public const int Text = 0;
    public const int Id = 1;            // [a-z0-9_-]{1,32}, or empty (the device then names itself)
    public const int Label = 2;         // [a-z0-9_-]{1,32}, the topic contract for ids and names
    public const int Prefix = 3;        // a topic prefix the device adds its own levels to
    public const int Host = 4;          // a host name or IP address, not a URL
    public const int Pem = 5;           // PEM text of a certificate
    public const int Ssid = 6;          // 1 to 32 bytes of UTF-8
    public const int Passphrase = 7;    // a WPA2 passphrase or key, or empty; a secret, never quoted

    // Strings of an array element, checked once all its members are read: the kind may come last, and decides the rest.
    public const int Kind = 8;          // one of the section's kinds; Required says which
    public const int Key = 9;           // a Label unique among the array's elements: its name; Required says what for

    // Numbers. Integer has the range Min to Max; AtLeast only the minimum Min.
    public const int Integer = 10;
    public const int AtLeast = 11;
    public const int Pin = 12;          // an ESP32 GPIO; checked and claimed by the section's rules (DeviceConfigParser)
    public const int Address = 13;      // a 7-bit I2C address, as a number or a "0x.." string

    public const int Flag = 14;         // true or false
    public const int SafeState = 15;    // a string or a number, whose meaning the actuator's kind decides
    public const int Object = 16;       // an object whose members are the rows of section Min
    public const int Array = 17;        // an array of such objects

    public const int Tenths = 18;       // a number with at most one decimal, stored in tenths; Min to Max are tenths too
    public const int Display = 19;      // a name for people: 1 to 64 bytes of UTF-8, no control characters

    // Where a member may be written (Remote): the compiled-in configuration only, a desired settings document
    // too (docs/device-topics.md), or a settings document only.
    public const int Local = 0;
    public const int Both = 1;
    public const int RemoteOnly = 2;

    public readonly int Section;
    public readonly string Name;

    /// <summary>
    /// The field of the section's model (DeviceConfig, BrokerConfig, ...) that takes the value, set by reflection:
    /// null where the section's rules place it (a kind, a safe state), and for an object whose members are
    /// fields of the model it is in (telemetry, homeassistant).
    /// </summary>
    public readonly string Field;
    public readonly int Type;
    public readonly int Min;
    public readonly int Max;

    /// <summary>One bit per kind of the section (in the order of its kinds list) that may have it; 0 for every kind.</summary>
    public readonly int Kinds;

    /// <summary>Why the member is required, as its refusal says "missing (...)"; null when it is optional.</summary>
    public readonly string Required;

    /// <summary><see cref="Local"/>, <see cref="Both"/> or <see cref="RemoteOnly"/>.</summary>
    public readonly int Remote;

    /// <summary>A member of every kind, without range, optional: most rows.</summary>
    public ConfigField(int section, string name, string field, int type)
        : this(section, name, field, type, 0, 0, 0, null, Local)
    {
    }

    public ConfigField(int section, string name, string field, int type, int min = 0, int max = 0, int kinds = 0, string required = null, int remote = Local)
    {
        Section = section;
        Name = name;
        Field = field;
        Type = type;
        Min = min;
        Max = max;
        Kinds = kinds;
        Required = required;
        Remote = remote;
    }

    /// <summary>Whether an element of the given kind (an index into its section's kinds) may have this member.</summary>
    public bool AllowedFor(int kind) => Kinds == 0 || (Kinds & (1 << kind)) != 0;

    /// <summary>Whether the member may be written in a settings document (<paramref name="remote"/>) or in the compiled-in configuration.</summary>
    public bool AllowedIn(bool remote) => remote ? Remote != Local : Remote != RemoteOnly;
}
