using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Config.Parsing;

/// <summary>The rules of the string types (<see cref="ConfigField"/>) and of ESP32 GPIOs, with their refusals.</summary>
static class ConfigRules
{
    // Not a const: every message that quotes the rule then shares this one string instead of repeating it.
    public static readonly string LabelRule = "1 to 32 characters from a-z, 0-9, '_' and '-'";

    const string PemStart = "-----BEGIN CERTIFICATE-----";
    const string PemEnd = "-----END CERTIFICATE-----";

    /// <summary>Checks a string member's value against its type's rule, as soon as it is read.</summary>
    public static void Check(int type, string path, string value)
    {
        string problem = null;
        switch (type)
        {
            case ConfigField.Id:
                if (value.Length != 0 && !IsLabel(value))
                    problem = "expected " + LabelRule + ", or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got " + ConfigText.Quote(value);

                break;
            case ConfigField.Label:
                CheckLabel(path, value);
                break;
            case ConfigField.Prefix:
                problem = TopicPrefixProblem(value);
                break;
            case ConfigField.Host:
                problem = HostProblem(value);
                break;
            case ConfigField.Pem:
                int start = IndexOfOrdinal(value, PemStart, 0);
                if (start < 0 || IndexOfOrdinal(value, PemEnd, start) < 0)
                    throw new ConfigException(path, "expected PEM text from " + PemStart + " to " + PemEnd);

                break;
            case ConfigField.Ssid:
                // IEEE 802.11 limits an SSID to 32 octets.
                int bytes = MqttUtf8.ByteCount(value);
                if (bytes < 1 || bytes > 32)
                    problem = "expected 1 to 32 bytes of UTF-8 (an 802.11 SSID), got " + ConfigText.Quote(value);

                break;
            case ConfigField.Display:
                // Home Assistant shows it on one line.
                bytes = MqttUtf8.ByteCount(value);
                if (bytes < 1 || bytes > 64 || ControlCharacterAt(value, ' ') >= 0)
                    problem = "expected 1 to 64 bytes of UTF-8 without control characters, got " + ConfigText.Quote(value);

                break;
            case ConfigField.Passphrase:
                // A secret: the refusal says what is expected and never what was given, nor its length.
                if (!IsPassphrase(value))
                    throw new ConfigException(path, "expected a WPA2 passphrase of 8 to 63 printable ASCII characters, 64 hex digits, or empty for an open network");

                break;
        }

        if (problem != null) throw new ConfigException(path, problem);
    }

    /// <summary>[a-z0-9_-]{1,32}: the topic contract (docs/device-topics.md) for ids and sensor/actuator names.</summary>
    public static void CheckLabel(string path, string value)
    {
        if (!IsLabel(value)) throw new ConfigException(path, "expected " + LabelRule + ", got " + ConfigText.Quote(value));
    }

    /// <summary>
    /// A GPIO the ESP32 can drive an output on; <paramref name="user"/> names who needs it in the refusal
    /// ("an actuator"). Every configured pin drives a level: relays, PWM, the DHT's data line, I2C's open-drain lines.
    /// </summary>
    public static void CheckGpio(string path, int pin, string user)
    {
        string problem = null;
        if (pin < 0 || pin > 39) problem = "expected a GPIO from 0 to 39, got " + pin.ToString();
        else if (pin >= 6 && pin <= 11)
            problem = "GPIO " + pin.ToString() + " is wired to the module's flash memory (GPIOs 6 to 11 are never usable)";
        else if (pin == 24 || (pin >= 28 && pin <= 31))
            problem = "the ESP32 has no GPIO " + pin.ToString() + " (there are no GPIOs 24 and 28 to 31)";
        else if (pin >= 34)
            problem = "GPIO " + pin.ToString() + " is input-only (GPIOs 34 to 39), and " + user + " needs an output";

        if (problem != null) throw new ConfigException(path, problem);
    }

    static bool IsLabel(string value)
    {
        int length = value.Length;
        if (length == 0 || length > 32) return false;

        for (int index = 0; index < length; index++)
        {
            char current = value[index];
            if (!((current >= 'a' && current <= 'z') || (current >= '0' && current <= '9') || current == '_' || current == '-'))
                return false;
        }

        return true;
    }

    /// <summary>
    /// A prefix the device puts before its own topic levels: a valid MQTT topic name (no wildcards
    /// [MQTT-4.7.1-1], no U+0000 [MQTT-1.5.3-2], nor the control characters it should not hold), with no
    /// empty level and no '/' at either end, since the device adds the separators, and not a '$' topic,
    /// which belongs to the broker [MQTT-4.7.2-1].
    /// </summary>
    static string TopicPrefixProblem(string value)
    {
        if (value.Length == 0) return "expected a topic prefix, got an empty string";

        string problem = null;
        if (value[0] == '/' || value[value.Length - 1] == '/')
            problem = "must not start or end with '/' (the device adds the separators)";
        else if (IndexOfOrdinal(value, "//", 0) >= 0)
        {
            problem = "must not contain an empty topic level ('//')";
        }
        else if (value.IndexOf('+') >= 0 || value.IndexOf('#') >= 0) problem = "must not contain the wildcards '+' or '#'";
        else if (value[0] == '$') problem = "must not start with '$' (topics starting with '$' belong to the broker)";
        else if (ControlCharacterAt(value, ' ') >= 0) problem = "must not contain control characters";

        return problem == null ? null : problem + ", got " + ConfigText.Quote(value);
    }

    static string HostProblem(string host)
    {
        string expected = null;
        if (host.Length == 0 || host.Length > 253) expected = " of 1 to 253 characters";
        else if (IndexOfOrdinal(host, "://", 0) >= 0) expected = ", not a URL (set port and tls separately)";
        else if (ControlCharacterAt(host, '!') >= 0 || host.IndexOf('/') >= 0)
        {
            // Space counts here: a host name never holds one.
            expected = " (no spaces, '/' or control characters)";
        }

        return expected == null ? null : "expected a host name or IP address" + expected + ", got " + ConfigText.Quote(host);
    }

    /// <summary>A WPA2 passphrase is 8 to 63 printable ASCII characters; 64 hex digits are the key itself; empty is an open network.</summary>
    static bool IsPassphrase(string password)
    {
        int length = password.Length;
        bool hex = length == 64;
        if (length != 0 && !hex && (length < 8 || length > 63)) return false;

        for (int index = 0; index < length; index++)
        {
            char current = password[index];
            if (current < ' ' || current > '~') return false;

            if (hex && !((current >= '0' && current <= '9') || (current >= 'a' && current <= 'f') || (current >= 'A' && current <= 'F')))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Where <paramref name="value"/> first occurs from <paramref name="start"/>, char for char, or -1. The
    /// device's IndexOf(string) is ordinal but the desktop's follows the culture (and skips characters ICU
    /// ignores, such as U+00AD): comparing by hand makes both builds agree.
    /// </summary>
    public static int IndexOfOrdinal(string text, string value, int start)
    {
        int last = text.Length - value.Length;
        for (int at = start; at <= last; at++)
        {
            int matched = 0;
            while (matched < value.Length && text[at + matched] == value[matched]) matched++;

            if (matched == value.Length) return at;
        }

        return -1;
    }

    /// <summary>
    /// The first character below <paramref name="lowestAllowed"/> or from U+007F to U+009F, or -1: MQTT strings
    /// must not or should not hold control characters; messages mask them.
    /// </summary>
    public static int ControlCharacterAt(string value, char lowestAllowed)
    {
        for (int index = 0; index < value.Length; index++)
        {
            char current = value[index];
            if (current < lowestAllowed || (current >= (char)0x7F && current <= (char)0x9F)) return index;
        }

        return -1;
    }
}
