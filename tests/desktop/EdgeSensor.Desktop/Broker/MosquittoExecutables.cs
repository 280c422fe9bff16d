using System;
using System.IO;

namespace EdgeSensor.Desktop.Broker
{
    /// <summary>Finds the mosquitto programs; Debian installs the broker in /usr/sbin, which is often not on a user's PATH.</summary>
    internal static class MosquittoExecutables
    {
        public static string FindBroker(string configuredPath)
        {
            if (configuredPath != null)
            {
                return File.Exists(configuredPath) ? configuredPath : throw new MosquittoNotInstalledException();
            }

            return Find("mosquitto", "/usr/sbin");
        }

        /// <summary>mosquitto_passwd ships with the broker, so look next to it first.</summary>
        public static string FindPasswordTool(string brokerPath)
        {
            string besideBroker = Path.Combine(Path.GetDirectoryName(brokerPath) ?? "", "mosquitto_passwd");
            return File.Exists(besideBroker) ? besideBroker : Find("mosquitto_passwd", "/usr/bin");
        }

        private static string Find(string name, string fallbackDirectory)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            string fallback = Path.Combine(fallbackDirectory, name);
            return File.Exists(fallback) ? fallback : throw new MosquittoNotInstalledException();
        }
    }
}
