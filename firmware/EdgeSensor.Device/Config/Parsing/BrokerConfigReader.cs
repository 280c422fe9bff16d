namespace EdgeSensor.Device
{
    /// <summary>The <c>broker</c> object. Its password is a secret: no message quotes it, and none quotes its length.</summary>
    internal static class BrokerConfigReader
    {
        const int Host = 0;
        const int Port = 1;
        const int Tls = 2;
        const int CaCertificate = 3;
        const int UserName = 4;
        const int Password = 5;

        const int MaxHostLength = 253;
        const string PemCertificateStart = "-----BEGIN CERTIFICATE-----";
        const string PemCertificateEnd = "-----END CERTIFICATE-----";

        static readonly string[] Names = new string[] { "host", "port", "tls", "ca_certificate", "username", "password" };

        public static BrokerConfig Read(ConfigValueReader values, string path)
        {
            values.RequireObject(path);
            BrokerConfig broker = new BrokerConfig();
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, Names, ref seen, out member, out field))
            {
                switch (member)
                {
                    case Host:
                        broker.Host = values.ReadString(field);
                        CheckHost(field, broker.Host);
                        break;
                    case Port:
                        broker.Port = values.ReadInteger(field, 1, 65535);
                        break;
                    case Tls:
                        broker.Tls = values.ReadBoolean(field);
                        break;
                    case CaCertificate:
                        broker.CaCertificate = values.ReadString(field);
                        CheckCertificate(field, broker.CaCertificate);
                        break;
                    case UserName:
                        broker.UserName = values.ReadString(field); // U+0000 refused there [MQTT-1.5.3-2]
                        break;
                    default:
                        broker.Password = values.ReadString(field);
                        break;
                }
            }

            if (broker.Tls && broker.CaCertificate == null)
            {
                throw new ConfigException(ConfigPath.Member(path, Names[CaCertificate]),
                    "required when tls is true (the PEM text of the CA that signed the broker's certificate)");
            }

            if (broker.Password != null && broker.UserName == null)
            {
                // A CONNECT may carry a password only together with a user name [MQTT-3.1.2-22].
                throw new ConfigException(ConfigPath.Member(path, Names[Password]), "given without a username (MQTT sends a password only with a user name)");
            }

            return broker;
        }

        static void CheckHost(string path, string host)
        {
            if (host.Length == 0 || host.Length > MaxHostLength)
            {
                throw new ConfigException(path, "expected a host name or IP address of 1 to 253 characters, got " + ConfigEcho.Quote(host));
            }

            if (ConfigRules.IndexOfOrdinal(host, "://", 0) >= 0)
            {
                throw new ConfigException(path, "expected a host name or IP address, not a URL (set port and tls separately), got " + ConfigEcho.Quote(host));
            }

            for (int index = 0; index < host.Length; index++)
            {
                char current = host[index];
                if (current <= ' ' || current == '/' || (current >= (char)0x7F && current <= (char)0x9F))
                {
                    throw new ConfigException(path, "expected a host name or IP address (no spaces, '/' or control characters), got " + ConfigEcho.Quote(host));
                }
            }
        }

        static void CheckCertificate(string path, string pem)
        {
            int start = ConfigRules.IndexOfOrdinal(pem, PemCertificateStart, 0);
            if (start < 0 || ConfigRules.IndexOfOrdinal(pem, PemCertificateEnd, start) < 0)
            {
                throw new ConfigException(path, "expected PEM text from " + PemCertificateStart + " to " + PemCertificateEnd);
            }
        }
    }
}
