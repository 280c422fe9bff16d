using System;
using System.IO;

namespace EdgeSensor.Desktop.Broker;

/// <summary>Finds the mosquitto programs; Debian installs the broker in /usr/sbin, which is often not on a user's PATH.</summary>
static class MosquittoExecutables
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

    /// <summary>The dynamic security plugin ships with the broker (Debian: in the multiarch library directory).</summary>
    public static string FindDynamicSecurityPlugin(string brokerPath)
    {
        const string Name = "mosquitto_dynamic_security.so";
        string prefix = Path.GetDirectoryName(Path.GetDirectoryName(brokerPath) ?? "") ?? "/usr";
        foreach (string library in new[] { Path.Combine(prefix, "lib"), Path.Combine(prefix, "lib64"), "/usr/lib", "/usr/local/lib" })
        {
            string direct = Path.Combine(library, Name);
            if (File.Exists(direct))
            {
                return direct;
            }

            if (Directory.Exists(library))
            {
                foreach (string multiarch in Directory.GetDirectories(library, "*-linux-gnu*"))
                {
                    string candidate = Path.Combine(multiarch, Name);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new MosquittoNotInstalledException(Name + " (mosquitto's dynamic security plugin, part of the mosquitto package since 2.0) was not found beside " + brokerPath);
    }

    static string Find(string name, string fallbackDirectory)
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
