using System;
using System.IO;
using EdgeSensor.Device.Config;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness.Devices;

/// <summary>Reads a device configuration (the sample next to the executable unless --config names one), turning every problem into one line that names the field.</summary>
static class DeviceConfigFile
{
    public const string SampleFileName = "simulated.json";

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, SampleFileName);

    public static DeviceConfig Load(string path)
    {
        path ??= SamplePath;
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException("cannot read the config " + path + ": " + e.Message);
        }

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
}
