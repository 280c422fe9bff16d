using EdgeSensor.Mqtt;

namespace EdgeSensor.Device
{
    /// <summary>The <c>wifi</c> object (ESP32 only). Its password is a secret: no message quotes it or its length.</summary>
    internal static class WifiConfigReader
    {
        const int Ssid = 0;
        const int Password = 1;

        /// <summary>IEEE 802.11 limits an SSID to 32 octets.</summary>
        const int MaxSsidBytes = 32;

        /// <summary>A WPA2 passphrase is 8 to 63 printable ASCII characters; 64 hex digits are the key itself.</summary>
        const int MinPassphraseLength = 8;
        const int MaxPassphraseLength = 63;
        const int HexKeyLength = 64;

        static readonly string[] Names = new string[] { "ssid", "password" };

        public static WifiConfig Read(ConfigValueReader values, string path)
        {
            values.RequireObject(path);
            WifiConfig wifi = new WifiConfig();
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, Names, ref seen, out member, out field))
            {
                if (member == Ssid)
                {
                    wifi.Ssid = values.ReadString(field);
                    int bytes = MqttUtf8.ByteCount(wifi.Ssid);
                    if (bytes < 1 || bytes > MaxSsidBytes)
                    {
                        throw new ConfigException(field, "expected 1 to 32 bytes of UTF-8 (an 802.11 SSID), got " + ConfigEcho.Quote(wifi.Ssid));
                    }
                }
                else
                {
                    wifi.Password = values.ReadString(field);
                    if (!IsPassphrase(wifi.Password))
                    {
                        throw new ConfigException(field, "expected a WPA2 passphrase of 8 to 63 printable ASCII characters, 64 hex digits, or empty for an open network");
                    }
                }
            }

            if (wifi.Password != null && wifi.Ssid == null)
            {
                throw new ConfigException(ConfigPath.Member(path, Names[Password]), "given without an ssid");
            }

            return wifi;
        }

        static bool IsPassphrase(string password)
        {
            int length = password.Length;
            if (length == 0)
            {
                return true;
            }

            bool hex = length == HexKeyLength;
            if (!hex && (length < MinPassphraseLength || length > MaxPassphraseLength))
            {
                return false;
            }

            for (int index = 0; index < length; index++)
            {
                char current = password[index];
                if (current < ' ' || current > '~')
                {
                    return false;
                }

                if (hex && !((current >= '0' && current <= '9') || (current >= 'a' && current <= 'f') || (current >= 'A' && current <= 'F')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
