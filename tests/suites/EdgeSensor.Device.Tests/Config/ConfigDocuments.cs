using System;
using System.IO;
using EdgeSensor.Device.Config;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>The sample documents as shipped in hardware/config/, read from the files.</summary>
static class ConfigDocuments
{
    public const string DevKitC = "esp32-devkitc.json";
    public const string Simulated = "simulated.json";

    public static byte[] Sample(string name)
    {
        return File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleConfigs", name));
    }

    public static DeviceConfig Parse(byte[] json)
    {
        return DeviceConfigParser.Parse(json, 0, json.Length);
    }
}
