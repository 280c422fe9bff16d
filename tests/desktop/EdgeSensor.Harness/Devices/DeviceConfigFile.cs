using System;
using System.IO;
using EdgeSensor.Device.Config;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness.Devices;

/// <summary>Reads a device configuration (the sample next to the executable unless --config names one), turning every problem into one line that names the field.</summary>
static class DeviceConfigFile
{
    public const string SampleFileName = "simulated.json";

    /// <summary>Far above any real config (the sample is under 2 KiB), far below what could exhaust memory: /dev/zero or a log named by mistake.</summary>
    public const int MaxBytes = 256 * 1024;

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, SampleFileName);

    public static DeviceConfig Load(string path)
    {
        path ??= SamplePath;
        byte[] json = Read(path);
        try
        {
            return DeviceConfigParser.Parse(json, 0, json.Length);
        }
        catch (ConfigException e)
        {
            // The message names the field and never quotes a secret.
            throw new UserErrorException("bad config " + path + ": " + e.Message + " (fields: hardware/config/README.md)");
        }
    }

    /// <summary>At most <see cref="MaxBytes"/> + 1 bytes are ever read, whatever the path names (a device, a pipe, a huge file).</summary>
    static byte[] Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UserErrorException("cannot read the config " + path + ": it is a directory, not a file; give a JSON file such as hardware/config/simulated.json");
        }

        if (!File.Exists(path))
        {
            throw new UserErrorException("cannot read the config " + path + ": no such file; give a JSON file such as hardware/config/simulated.json");
        }

        try
        {
            using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            var buffer = new byte[MaxBytes + 1];
            int length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                throw new UserErrorException("cannot read the config " + path + ": it is larger than " + MaxBytes / 1024 + " KiB, which no device config is; give the device's JSON config file");
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserErrorException("cannot read the config " + path + ": permission denied; make the file readable or give another with --config");
        }
        catch (IOException e)
        {
            throw new UserErrorException("cannot read the config " + path + ": " + e.Message);
        }
    }
}
