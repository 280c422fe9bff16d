namespace EdgeSensor.Device.Config.Parsing;

/// <summary>The rules of the <c>power</c> object: its mode, and what battery mode asks of telemetry.</summary>
static class PowerSection
{
    public static void Check(ConfigObject read)
    {
        string mode = (string)read.Value("mode");
        if (mode == "battery") ((DeviceConfig)read.Model).Battery = true;
        else if (mode != null && mode != "mains") throw read.Refuse("mode", "expected \"mains\" or \"battery\", got " + ConfigText.Quote(mode));
    }

    /// <summary>Once the whole document is read: telemetry may come before or after power.</summary>
    public static void CheckTelemetry(DeviceConfig config)
    {
        // A battery board sleeps once its reports are acknowledged: QoS 0 has no acknowledgement, and RAM does not survive the sleep.
        if (config.Battery && config.TelemetryQos == 0)
            throw new ConfigException("telemetry.qos", "must be 1 with power.mode \"battery\" (a report is kept only until the broker acknowledges it), got 0");
    }
}
