namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// The sample documents of hardware/config, compiled in (the interpreter has no file system); the ESP32 one is the
/// app's own copy. A desktop test (EdgeSensor.NanoTests.OnDesktop) checks that each is the shipped file byte for byte.
/// </summary>
public static class SampleDocuments
{
    public static readonly string[] FileNames = new string[] { "esp32-devkitc.json", "simulated.json" };

    public static readonly string[] Documents = new string[] { Esp32DevKitC, Simulated };

    /// <summary>What the ESP32 app compiles in (firmware/EdgeSensor.Esp32/DeviceConfigDocument.cs, linked here).</summary>
    public const string Esp32DevKitC = EdgeSensor.Esp32.DeviceConfigDocument.Json;

    public const string Simulated = @"{
  ""id"": ""sim-001"",
  ""board"": ""simulated"",
  ""prefix"": ""edgesensor"",
  ""broker"": {
    ""host"": ""127.0.0.1"",
    ""port"": 1883,
    ""tls"": false
  },
  ""telemetry"": {
    ""interval_s"": 10,
    ""qos"": 1
  },
  ""keepalive_s"": 30,
  ""failure_event_after"": 3,
  ""homeassistant"": {
    ""discovery"": true,
    ""prefix"": ""homeassistant""
  },
  ""i2c"": [
    { ""bus"": 1, ""sda"": 21, ""scl"": 22 }
  ],
  ""sensors"": [
    { ""kind"": ""dht22"", ""name"": ""dht22"", ""pin_echo"": 4, ""pin_trigger"": 18 },
    { ""kind"": ""sht3x"", ""name"": ""sht31"", ""bus"": 1, ""address"": ""0x44"" },
    { ""kind"": ""bme280"", ""name"": ""bme280"", ""bus"": 1, ""address"": ""0x76"" }
  ],
  ""actuators"": [
    { ""kind"": ""relay"", ""name"": ""relay1"", ""pin"": 26, ""active_low"": true, ""safe_state"": ""off"" },
    { ""kind"": ""pwm"", ""name"": ""led"", ""pin"": 25, ""frequency_hz"": 1000, ""safe_state"": 0 }
  ]
}
";
}
