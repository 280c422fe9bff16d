namespace EdgeSensor.Device
{
    /// <summary>The checks several sections share: names, topic prefixes, ESP32 GPIOs.</summary>
    internal static class ConfigRules
    {
        public const int MaxNameLength = 32;
        public const string NameRule = "expected 1 to 32 characters from a-z, 0-9, '_' and '-'";

        public const int LastGpio = 39;
        public const int FirstInputOnlyGpio = 34;
        public const int FirstFlashGpio = 6;
        public const int LastFlashGpio = 11;

        /// <summary>[a-z0-9_-]{1,32}: the topic contract (docs/device-topics.md) for ids and sensor/actuator names.</summary>
        public static bool IsName(string value)
        {
            int length = value.Length;
            if (length == 0 || length > MaxNameLength)
            {
                return false;
            }

            for (int index = 0; index < length; index++)
            {
                char current = value[index];
                bool allowed = (current >= 'a' && current <= 'z') || (current >= '0' && current <= '9') || current == '_' || current == '-';
                if (!allowed)
                {
                    return false;
                }
            }

            return true;
        }

        public static void CheckName(string path, string value)
        {
            if (!IsName(value))
            {
                throw new ConfigException(path, NameRule + ", got " + ConfigEcho.Quote(value));
            }
        }

        /// <summary>
        /// A prefix the device puts before its own topic levels: a valid MQTT topic name (no wildcards
        /// [MQTT-4.7.1-1], no U+0000 [MQTT-1.5.3-2], nor the control characters it should not hold), with no
        /// empty level and no '/' at either end, since the device adds the separators, and not a '$' topic,
        /// which belongs to the broker [MQTT-4.7.2-1].
        /// </summary>
        public static void CheckTopicPrefix(string path, string value)
        {
            if (value.Length == 0)
            {
                throw new ConfigException(path, "expected a topic prefix, got an empty string");
            }

            string problem = null;
            if (value[0] == '/' || value[value.Length - 1] == '/')
            {
                problem = "must not start or end with '/' (the device adds the separators)";
            }
            else if (IndexOfOrdinal(value, "//", 0) >= 0)
            {
                problem = "must not contain an empty topic level ('//')";
            }
            else if (value.IndexOf('+') >= 0 || value.IndexOf('#') >= 0)
            {
                problem = "must not contain the wildcards '+' or '#'";
            }
            else if (value[0] == '$')
            {
                problem = "must not start with '$' (topics starting with '$' belong to the broker)";
            }
            else if (HasControlCharacter(value))
            {
                problem = "must not contain control characters";
            }

            if (problem != null)
            {
                throw new ConfigException(path, problem + ", got " + ConfigEcho.Quote(value));
            }
        }

        /// <summary>
        /// A GPIO the ESP32 can give to this use. <paramref name="user"/> names the use in messages ("an actuator").
        /// </summary>
        public static void CheckGpio(string path, int pin, bool needsOutput, string user)
        {
            if (pin < 0 || pin > LastGpio)
            {
                throw new ConfigException(path, "expected a GPIO from 0 to 39, got " + pin.ToString());
            }

            if (pin >= FirstFlashGpio && pin <= LastFlashGpio)
            {
                throw new ConfigException(path, "GPIO " + pin.ToString() + " is wired to the module's flash memory (GPIOs 6 to 11 are never usable)");
            }

            if (pin == 24 || (pin >= 28 && pin <= 31))
            {
                throw new ConfigException(path, "the ESP32 has no GPIO " + pin.ToString() + " (there are no GPIOs 24 and 28 to 31)");
            }

            if (needsOutput && pin >= FirstInputOnlyGpio)
            {
                throw new ConfigException(path, "GPIO " + pin.ToString() + " is input-only (GPIOs 34 to 39), and " + user + " needs an output");
            }
        }

        /// <summary>
        /// Refuses the first member in <paramref name="seen"/> (bits indexing <paramref name="names"/>) that is
        /// not in <paramref name="allowed"/>: typo protection for members that only some kinds have.
        /// </summary>
        public static void CheckMembersOfKind(string path, int seen, string[] names, int allowed, string[] allowedNames, string what)
        {
            int extra = seen & ~allowed;
            if (extra == 0)
            {
                return;
            }

            int member = 0;
            while ((extra & (1 << member)) == 0)
            {
                member++;
            }

            throw new ConfigException(ConfigPath.Member(path, names[member]),
                "not a property of " + what + " (known: " + ConfigEcho.List(allowedNames) + ")");
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
                while (matched < value.Length && text[at + matched] == value[matched])
                {
                    matched++;
                }

                if (matched == value.Length)
                {
                    return at;
                }
            }

            return -1;
        }

        /// <summary>U+0000 to U+001F and U+007F to U+009F: MQTT strings must not or should not hold them.</summary>
        public static bool HasControlCharacter(string value)
        {
            for (int index = 0; index < value.Length; index++)
            {
                char current = value[index];
                if (current < ' ' || (current >= (char)0x7F && current <= (char)0x9F))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
