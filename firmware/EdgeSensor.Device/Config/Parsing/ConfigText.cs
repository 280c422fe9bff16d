namespace EdgeSensor.Device.Config.Parsing;

/// <summary>
/// How refusals write field paths (<c>broker.port</c>, <c>sensors[1].address</c>) and the values they quote.
/// Only fields that hold no secret are ever quoted; even so, the text is cut short and control characters are
/// masked, so a message stays one readable line.
/// </summary>
static class ConfigText
{
    /// <summary>The path of problems with the document as a whole (not an object, trailing data).</summary>
    public const string Document = "(document)";

    const int MaxQuotedLength = 40;

    /// <summary>The members of the top-level object (path "") have no prefix: <c>id</c>, <c>broker</c>.</summary>
    public static string Member(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Element(string array, int index) => array + "[" + index.ToString() + "]";

    /// <summary>Where problems with the object itself are reported: its path, or the document for the top level.</summary>
    public static string OfObject(string path) => path.Length == 0 ? Document : path;

    public static string Quote(string value) => "\"" + Bare(value) + "\"";

    /// <summary>Like <see cref="Quote"/> without the quotes: for property names inside a path.</summary>
    public static string Bare(string value)
    {
        char[] chars = Cut(value).ToCharArray();
        for (int index = 0; index < chars.Length; index++)
        {
            char current = chars[index];
            if (current < ' ' || (current >= (char)0x7F && current <= (char)0x9F)) chars[index] = '?';
        }

        string shown = new string(chars);
        return value.Length > MaxQuotedLength ? shown + "..." : shown;
    }

    /// <summary>A number as written in the document, cut short like <see cref="Quote"/>.</summary>
    public static string Number(string text) => text.Length > MaxQuotedLength ? Cut(text) + "..." : text;

    /// <summary>0x44: a 7-bit I2C address as datasheets write it.</summary>
    public static string Hex(int address)
    {
        const string Digits = "0123456789abcdef";
        return new string(new char[] { '0', 'x', Digits[address >> 4], Digits[address & 0xF] });
    }

    static string Cut(string value) => value.Length > MaxQuotedLength ? value.Substring(0, MaxQuotedLength) : value;
}
