namespace EdgeSensor.Device
{
    /// <summary>Which sensor answers at each address of each I2C bus: two on one address would garble each other.</summary>
    internal sealed class I2cAddressAssignments
    {
        public const int FirstBus = 1;
        public const int LastBus = 2;
        const int AddressCount = 128;

        readonly string[] owners = new string[(LastBus - FirstBus + 1) * AddressCount];

        /// <summary>Gives a checked bus (1 or 2) and 7-bit address to the sensor at <paramref name="sensorPath"/>.</summary>
        public void Claim(string addressPath, string sensorPath, int bus, int address)
        {
            int slot = ((bus - FirstBus) * AddressCount) + address;
            string owner = owners[slot];
            // On nanoCLR an element of a new string[] that was never assigned compares != null; IsNullOrEmpty
            // sees it as unset on both runtimes, and no owner is empty.
            if (!string.IsNullOrEmpty(owner))
            {
                throw new ConfigException(addressPath, "I2C address " + ConfigEcho.Hex(address) + " on bus " + bus.ToString()
                    + " is already used by " + owner);
            }

            owners[slot] = sensorPath;
        }
    }
}
