namespace EdgeSensor.Device
{
    /// <summary>
    /// An actuator's safe_state as written, kept until the kind says which type it must have: "on"/"off" for a
    /// relay, a percentage for a PWM output.
    /// </summary>
    internal sealed class SafeStateValue
    {
        readonly JsonTokenType type;
        readonly string text;
        readonly bool isInteger;
        readonly int integer;

        SafeStateValue(JsonTokenType type, string text, bool isInteger, int integer)
        {
            this.type = type;
            this.text = text;
            this.isInteger = isInteger;
            this.integer = integer;
        }

        /// <summary>Takes the value the reader is on; containers are refused at once, since nothing could be kept of them.</summary>
        public static SafeStateValue Read(ConfigValueReader values, string path)
        {
            JsonReader json = values.Json;
            JsonTokenType type = json.TokenType;
            if (type == JsonTokenType.StartObject || type == JsonTokenType.StartArray)
            {
                throw values.Mismatch(path, "a string or a number");
            }

            if (type == JsonTokenType.String)
            {
                return new SafeStateValue(type, json.GetString(), false, 0);
            }

            if (type == JsonTokenType.Number)
            {
                int value;
                bool isInteger = json.TryGetInt32(out value);
                return new SafeStateValue(type, json.GetNumberText(), isInteger, value);
            }

            return new SafeStateValue(type, null, false, 0);
        }

        public bool ToRelayState(string path)
        {
            if (type == JsonTokenType.String && text == "on")
            {
                return true;
            }

            if (type == JsonTokenType.String && text == "off")
            {
                return false;
            }

            throw new ConfigException(path, "expected \"on\" or \"off\" for a relay, got " + Describe());
        }

        public int ToPercent(string path, int max)
        {
            if (type == JsonTokenType.Number && isInteger && integer >= 0 && integer <= max)
            {
                return integer;
            }

            throw new ConfigException(path, "expected a duty cycle from 0 to " + max.ToString() + " (percent) for pwm, got " + Describe());
        }

        string Describe()
        {
            if (type == JsonTokenType.String)
            {
                return ConfigEcho.Quote(text);
            }

            if (type == JsonTokenType.Number)
            {
                return ConfigEcho.Number(text);
            }

            return ConfigValueReader.Describe(type);
        }
    }
}
