using System.Collections;

namespace EdgeSensor.Device
{
    /// <summary>The <c>i2c</c> array: which pins each of the ESP32's two I2C controllers uses.</summary>
    internal static class I2cBusConfigReader
    {
        const int Bus = 0;
        const int Sda = 1;
        const int Scl = 2;

        static readonly string[] Names = new string[] { "bus", "sda", "scl" };

        public static I2cBusConfig[] ReadAll(ConfigValueReader values, string path, PinAssignments pins)
        {
            values.RequireArray(path);
            ArrayList buses = new ArrayList();
            string element;
            while (values.NextElement(path, buses.Count, out element))
            {
                I2cBusConfig bus = Read(values, element, pins);
                for (int index = 0; index < buses.Count; index++)
                {
                    if (((I2cBusConfig)buses[index]).Bus == bus.Bus)
                    {
                        throw new ConfigException(ConfigPath.Member(element, Names[Bus]),
                            "I2C bus " + bus.Bus.ToString() + " is already declared by " + ConfigPath.Element(path, index));
                    }
                }

                buses.Add(bus);
            }

            I2cBusConfig[] result = new I2cBusConfig[buses.Count];
            buses.CopyTo(result);
            return result;
        }

        static I2cBusConfig Read(ConfigValueReader values, string path, PinAssignments pins)
        {
            values.RequireObject(path);
            I2cBusConfig bus = new I2cBusConfig();
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, Names, ref seen, out member, out field))
            {
                if (member == Bus)
                {
                    bus.Bus = values.ReadInteger(field, I2cAddressAssignments.FirstBus, I2cAddressAssignments.LastBus);
                }
                else if (member == Sda)
                {
                    bus.SdaPin = values.ReadInteger(field);
                }
                else
                {
                    bus.SclPin = values.ReadInteger(field);
                }
            }

            // SDA and SCL are open-drain lines the controller pulls low: both need an output.
            string sdaPath = ConfigPath.Member(path, Names[Sda]);
            string sclPath = ConfigPath.Member(path, Names[Scl]);
            ConfigRules.CheckGpio(sdaPath, bus.SdaPin, true, "I2C");
            ConfigRules.CheckGpio(sclPath, bus.SclPin, true, "I2C");
            pins.Claim(sdaPath, bus.SdaPin);
            pins.Claim(sclPath, bus.SclPin);
            return bus;
        }
    }
}
