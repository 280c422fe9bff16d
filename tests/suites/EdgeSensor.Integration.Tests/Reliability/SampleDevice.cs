using System;
using System.IO;
using EdgeSensor.Device.Config;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>The simulated board's sample configuration (hardware/config/simulated.json), with a fresh id, for one test.</summary>
static class SampleDevice
{
    public static DeviceConfig Config(int brokerPort)
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleConfigs", "simulated.json"));
        DeviceConfig config = DeviceConfigParser.Parse(sample, 0, sample.Length);
        config.Id = "rel-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        config.Broker.Port = brokerPort;
        config.TelemetryIntervalSeconds = 1;
        config.HomeAssistantDiscovery = false;
        return config;
    }
}
