using System.Collections;

namespace EdgeSensor.Device
{
    /// <summary>
    /// The <c>sensors</c> array. A sensor's kind decides which other members it may have, and the kind may come
    /// last: members are read first, then checked against the kind.
    /// </summary>
    internal static class SensorConfigReader
    {
        const int Kind = 0;
        const int Name = 1;
        const int PinEcho = 2;
        const int PinTrigger = 3;
        const int Bus = 4;
        const int Address = 5;

        static readonly string[] Names = new string[] { "kind", "name", "pin_echo", "pin_trigger", "bus", "address" };
        static readonly string[] DhtNames = new string[] { "kind", "name", "pin_echo", "pin_trigger" };
        static readonly string[] I2cNames = new string[] { "kind", "name", "bus", "address" };
        const int DhtMembers = (1 << Kind) | (1 << Name) | (1 << PinEcho) | (1 << PinTrigger);
        const int I2cMembers = (1 << Kind) | (1 << Name) | (1 << Bus) | (1 << Address);

        static readonly string[] KindNames = new string[] { "dht22", "dht11", "sht3x", "bme280" };
        static readonly SensorKind[] Kinds = new SensorKind[] { SensorKind.Dht22, SensorKind.Dht11, SensorKind.Sht3x, SensorKind.Bme280 };

        // The two addresses each chip can be strapped to (SHT3x: ADDR pin low/high; BME280: SDO low/high).
        const int Sht3xAddress = 0x44;
        const int Bme280Address = 0x76;

        public static SensorConfig[] ReadAll(ConfigValueReader values, string path, PinAssignments pins, I2cAddressAssignments addresses)
        {
            values.RequireArray(path);
            ArrayList sensors = new ArrayList();
            string element;
            while (values.NextElement(path, sensors.Count, out element))
            {
                SensorConfig sensor = Read(values, element, pins, addresses);
                for (int index = 0; index < sensors.Count; index++)
                {
                    if (((SensorConfig)sensors[index]).Name == sensor.Name)
                    {
                        throw new ConfigException(ConfigPath.Member(element, Names[Name]),
                            ConfigEcho.Quote(sensor.Name) + " is already the name of " + ConfigPath.Element(path, index));
                    }
                }

                sensors.Add(sensor);
            }

            SensorConfig[] result = new SensorConfig[sensors.Count];
            sensors.CopyTo(result);
            return result;
        }

        public static bool IsI2c(SensorKind kind)
        {
            return kind == SensorKind.Sht3x || kind == SensorKind.Bme280;
        }

        static SensorConfig Read(ConfigValueReader values, string path, PinAssignments pins, I2cAddressAssignments addresses)
        {
            values.RequireObject(path);
            SensorConfig sensor = new SensorConfig();
            string kindText = null;
            int address = -1;
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, Names, ref seen, out member, out field))
            {
                switch (member)
                {
                    case Kind:
                        kindText = values.ReadString(field);
                        break;
                    case Name:
                        sensor.Name = values.ReadString(field);
                        break;
                    case PinEcho:
                        sensor.PinEcho = values.ReadInteger(field);
                        break;
                    case PinTrigger:
                        sensor.PinTrigger = values.ReadInteger(field);
                        break;
                    case Bus:
                        sensor.I2cBus = values.ReadInteger(field, I2cAddressAssignments.FirstBus, I2cAddressAssignments.LastBus);
                        break;
                    default:
                        address = ReadAddress(values, field);
                        break;
                }
            }

            sensor.Kind = ParseKind(ConfigPath.Member(path, Names[Kind]), kindText);
            string namePath = ConfigPath.Member(path, Names[Name]);
            if (sensor.Name == null)
            {
                throw new ConfigException(namePath, "missing (its key in telemetry: 1 to 32 characters from a-z, 0-9, '_' and '-')");
            }

            ConfigRules.CheckName(namePath, sensor.Name);
            bool i2c = IsI2c(sensor.Kind);
            ConfigRules.CheckMembersOfKind(path, seen, Names, i2c ? I2cMembers : DhtMembers, i2c ? I2cNames : DhtNames, "a " + kindText + " sensor");
            if (i2c)
            {
                CheckAddress(ConfigPath.Member(path, Names[Address]), sensor.Kind, kindText, address);
                sensor.Address = address;
                addresses.Claim(ConfigPath.Member(path, Names[Address]), path, sensor.I2cBus, address);
            }
            else
            {
                CheckDhtPins(path, seen, sensor, pins);
            }

            return sensor;
        }

        static SensorKind ParseKind(string path, string kindText)
        {
            if (kindText == null)
            {
                throw new ConfigException(path, "missing (one of " + ConfigEcho.List(KindNames) + ")");
            }

            for (int index = 0; index < KindNames.Length; index++)
            {
                if (kindText == KindNames[index])
                {
                    return Kinds[index];
                }
            }

            throw new ConfigException(path, "expected one of " + ConfigEcho.List(KindNames) + ", got " + ConfigEcho.Quote(kindText));
        }

        /// <summary>A number, or a string "0x.." as datasheets write it; -1 when absent.</summary>
        static int ReadAddress(ConfigValueReader values, string path)
        {
            JsonReader json = values.Json;
            if (json.TokenType == JsonTokenType.Number)
            {
                int number = values.ReadInteger(path);
                if (number < 0 || number > 0x7F)
                {
                    throw new ConfigException(path, "expected a 7-bit I2C address from 0x00 to 0x7f, got " + number.ToString());
                }

                return number;
            }

            if (json.TokenType != JsonTokenType.String)
            {
                throw values.Mismatch(path, "an I2C address as a number or a \"0x..\" string");
            }

            string text = json.GetString();
            int value = 0;
            bool valid = text.Length >= 3 && text.Length <= 4 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
            for (int index = 2; valid && index < text.Length; index++)
            {
                int digit = HexDigit(text[index]);
                valid = digit >= 0;
                value = (value << 4) | digit;
            }

            if (!valid || value > 0x7F)
            {
                throw new ConfigException(path, "expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got " + ConfigEcho.Quote(text));
            }

            return value;
        }

        static int HexDigit(char digit)
        {
            if (digit >= '0' && digit <= '9')
            {
                return digit - '0';
            }

            if (digit >= 'a' && digit <= 'f')
            {
                return digit - 'a' + 10;
            }

            if (digit >= 'A' && digit <= 'F')
            {
                return digit - 'A' + 10;
            }

            return -1;
        }

        static void CheckAddress(string path, SensorKind kind, string kindText, int address)
        {
            int first = kind == SensorKind.Sht3x ? Sht3xAddress : Bme280Address;
            string expected = "an I2C address " + ConfigEcho.Hex(first) + " or " + ConfigEcho.Hex(first + 1) + " for " + kindText;
            if (address < 0)
            {
                throw new ConfigException(path, "missing (" + expected + ")");
            }

            if (address != first && address != first + 1)
            {
                throw new ConfigException(path, "expected " + expected + ", got " + ConfigEcho.Hex(address));
            }
        }

        /// <summary>
        /// The DHT driver (Iot.Device.Dhtxx.Esp32) drives the data line with the RMT peripheral through two GPIOs
        /// wired together: both must be given, differ, and be able to drive a level.
        /// </summary>
        static void CheckDhtPins(string path, int seen, SensorConfig sensor, PinAssignments pins)
        {
            string echoPath = ConfigPath.Member(path, Names[PinEcho]);
            string triggerPath = ConfigPath.Member(path, Names[PinTrigger]);
            if ((seen & (1 << PinEcho)) == 0)
            {
                throw new ConfigException(echoPath, "missing (a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger)");
            }

            if ((seen & (1 << PinTrigger)) == 0)
            {
                throw new ConfigException(triggerPath, "missing (a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger)");
            }

            ConfigRules.CheckGpio(echoPath, sensor.PinEcho, true, "a DHT sensor");
            ConfigRules.CheckGpio(triggerPath, sensor.PinTrigger, true, "a DHT sensor");
            if (sensor.PinEcho == sensor.PinTrigger)
            {
                throw new ConfigException(triggerPath, "must differ from pin_echo (a DHT needs two GPIOs), both are " + sensor.PinEcho.ToString());
            }

            pins.Claim(echoPath, sensor.PinEcho);
            pins.Claim(triggerPath, sensor.PinTrigger);
        }
    }
}
