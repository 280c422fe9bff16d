namespace EdgeSensor.Device
{
    /// <summary>Used by the ESP32 only.</summary>
    public sealed class WifiConfig
    {
        public string Ssid;

        /// <summary>A secret: never logged, echoed or published.</summary>
        public string Password;

        /// <summary>For boot logs: says whether a password is set, never what it is.</summary>
        public override string ToString()
        {
            return "ssid " + (Ssid == null ? "(none)" : Ssid) + (Password == null || Password.Length == 0 ? " open" : " password set");
        }
    }
}
