namespace EdgeSensor.Device
{
    /// <summary>Which field took each GPIO, so that no pin is driven by two things at once.</summary>
    internal sealed class PinAssignments
    {
        readonly string[] owners = new string[ConfigRules.LastGpio + 1];

        /// <summary>Gives a pin already checked with ConfigRules.CheckGpio to the field at <paramref name="path"/>.</summary>
        public void Claim(string path, int pin)
        {
            string owner = owners[pin];
            // On nanoCLR an element of a new string[] that was never assigned compares != null; IsNullOrEmpty
            // sees it as unset on both runtimes, and no owner is empty.
            if (!string.IsNullOrEmpty(owner))
            {
                throw new ConfigException(path, "GPIO " + pin.ToString() + " is already used by " + owner);
            }

            owners[pin] = path;
        }
    }
}
