using System;
using System.Text;

namespace EdgeSensor.Harness.Cli;

/// <summary>
/// <c>--prefix</c>, checked by the rules a device's config <c>prefix</c> follows (docs/device-topics.md, "Names"): a
/// topic name without wildcards [MQTT-4.7.1-1], empty levels, a '/' at either end, a leading '$' [MQTT-4.7.2-1] or
/// control characters, since the harness adds <c>/&lt;id&gt;/...</c> and wildcards of its own after it.
/// </summary>
static class TopicPrefix
{
    const int MaxBytes = 1024;

    public static string Check(string prefix)
    {
        string problem = Problem(prefix ?? "");
        if (problem != null)
        {
            throw new UserErrorException("bad --prefix '" + Printable(prefix ?? "") + "': " + problem + "; give the prefix the devices use, e.g. --prefix edgesensor or --prefix plant/line1");
        }

        return prefix;
    }

    static string Problem(string prefix)
    {
        if (prefix.Length == 0)
        {
            return "it is empty";
        }

        if (prefix.IndexOf('+') >= 0 || prefix.IndexOf('#') >= 0)
        {
            return "it holds a wildcard ('+' or '#'): a prefix is a topic name; the harness adds the wildcards itself";
        }

        if (prefix[0] == '/' || prefix[^1] == '/')
        {
            return "it starts or ends with '/' (the separators are added for you)";
        }

        if (prefix.Contains("//", StringComparison.Ordinal))
        {
            return "it has an empty topic level ('//')";
        }

        if (prefix[0] == '$')
        {
            return "it starts with '$' (such topics belong to the broker)";
        }

        foreach (char c in prefix)
        {
            if (char.IsControl(c))
            {
                return "it holds a control character";
            }

            if (char.IsSurrogate(c) && !IsWellFormed(prefix))
            {
                return "it is not valid Unicode";
            }
        }

        if (Encoding.UTF8.GetByteCount(prefix) > MaxBytes)
        {
            return "it is longer than " + MaxBytes + " bytes";
        }

        return null;
    }

    static bool IsWellFormed(string text)
    {
        try
        {
            new UTF8Encoding(false, true).GetByteCount(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static string Printable(string text)
    {
        var printable = new StringBuilder();
        foreach (char c in text)
        {
            printable.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4") : c.ToString());
        }

        return printable.ToString();
    }
}
