namespace EdgeSensor.Device
{
    /// <summary>
    /// Walks a configuration document with a <see cref="JsonReader"/> and turns every problem into a
    /// <see cref="ConfigException"/> naming the field. Convention: <see cref="NextMember"/> and
    /// <see cref="NextElement"/> leave the reader on the first token of the value; the Read/Require methods
    /// check that token without moving. No method recurses over the document: the schema's fixed shape drives it.
    /// </summary>
    internal sealed class ConfigValueReader
    {
        readonly JsonReader json;

        // Where a JSON syntax error is reported: the field whose value was being read.
        string currentPath = ConfigPath.Document;

        public ConfigValueReader(byte[] document, int offset, int count)
        {
            json = new JsonReader(document, offset, count);
        }

        public JsonReader Json { get { return json; } }

        /// <summary>Reads the first token, which must open an object.</summary>
        public void ReadRoot()
        {
            Advance(ConfigPath.Document);
            RequireObject(ConfigPath.Root);
        }

        /// <summary>After the root object's end: only whitespace may follow.</summary>
        public void ReadEnd()
        {
            Advance(ConfigPath.Document);
        }

        /// <summary>
        /// Moves to the next member of the object at <paramref name="objectPath"/> and onto its value; false at the
        /// object's end. A name outside <paramref name="names"/>, or one given twice, is refused.
        /// </summary>
        public bool NextMember(string objectPath, string[] names, ref int seen, out int member, out string memberPath)
        {
            Advance(ConfigPath.OfObject(objectPath));
            member = -1;
            memberPath = null;
            if (json.TokenType == JsonTokenType.EndObject)
            {
                return false;
            }

            for (int index = 0; index < names.Length; index++)
            {
                if (json.TextEquals(names[index]))
                {
                    member = index;
                    break;
                }
            }

            if (member < 0)
            {
                string unknown = ConfigEcho.Bare(json.GetString());
                throw new ConfigException(ConfigPath.Member(objectPath, unknown), "unknown property (known: " + ConfigEcho.List(names) + ")");
            }

            memberPath = ConfigPath.Member(objectPath, names[member]);
            int bit = 1 << member;
            if ((seen & bit) != 0)
            {
                throw new ConfigException(memberPath, "given twice");
            }

            seen |= bit;
            Advance(memberPath);
            return true;
        }

        /// <summary>Moves onto the next element of the array at <paramref name="arrayPath"/>; false at the array's end.</summary>
        public bool NextElement(string arrayPath, int index, out string elementPath)
        {
            elementPath = ConfigPath.Element(arrayPath, index);
            Advance(elementPath);
            return json.TokenType != JsonTokenType.EndArray;
        }

        public void RequireObject(string path)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw Mismatch(ConfigPath.OfObject(path), "an object");
            }
        }

        public void RequireArray(string path)
        {
            if (json.TokenType != JsonTokenType.StartArray)
            {
                throw Mismatch(path, "an array");
            }
        }

        public string ReadString(string path)
        {
            if (json.TokenType != JsonTokenType.String)
            {
                throw Mismatch(path, "a string");
            }

            // nanoFramework strings end at U+0000: "a\u0000b" would arrive as "a" and pass every later check.
            if (json.ContainsNul())
            {
                throw new ConfigException(path, "must not contain U+0000");
            }

            return json.GetString();
        }

        public bool ReadBoolean(string path)
        {
            if (json.TokenType == JsonTokenType.True)
            {
                return true;
            }

            if (json.TokenType != JsonTokenType.False)
            {
                throw Mismatch(path, "true or false");
            }

            return false;
        }

        /// <summary>An integer that fits an int; its range is the caller's to check.</summary>
        public int ReadInteger(string path)
        {
            if (json.TokenType != JsonTokenType.Number)
            {
                throw Mismatch(path, "a number");
            }

            int value;
            if (!json.TryGetInt32(out value))
            {
                throw new ConfigException(path, "expected an integer, got " + ConfigEcho.Number(json.GetNumberText()));
            }

            return value;
        }

        public int ReadInteger(string path, int min, int max)
        {
            if (json.TokenType != JsonTokenType.Number)
            {
                throw Mismatch(path, "a number");
            }

            int value;
            if (!json.TryGetInt32(out value) || value < min || value > max)
            {
                throw new ConfigException(path, "expected an integer from " + min.ToString() + " to " + max.ToString()
                    + ", got " + ConfigEcho.Number(json.GetNumberText()));
            }

            return value;
        }

        /// <summary>"expected X, got a string": names the type found, never its content.</summary>
        public ConfigException Mismatch(string path, string expected)
        {
            return new ConfigException(path, "expected " + expected + ", got " + Describe(json.TokenType));
        }

        public static string Describe(JsonTokenType type)
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
