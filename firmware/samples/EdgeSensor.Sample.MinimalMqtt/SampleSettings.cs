namespace EdgeSensor.Sample.MinimalMqtt;

/// <summary>
/// Where the sample connects. Wi-Fi credentials never go in the source: they live in SampleSecrets.cs, a file each
/// developer makes from SampleSecrets.cs.template in this folder; git ignores it and the .nfproj compiles it only when
/// it exists. Without it the board joins the Wi-Fi network already stored on it and uses <see cref="DefaultBrokerHost"/>.
/// </summary>
sealed partial class SampleSettings
{
    /// <summary>A placeholder: set your broker's address in SampleSecrets.cs.</summary>
    public const string DefaultBrokerHost = "192.168.1.10";

    public string WifiSsid;
    public string WifiPassword;
    public string BrokerHost = DefaultBrokerHost;
    public bool FromSecretsFile;

    public static SampleSettings Load()
    {
        SampleSettings settings = new SampleSettings();
        string ssid = null;
        string password = null;
        string brokerHost = null;
        Provide(ref ssid, ref password, ref brokerHost);
        if (ssid == null && password == null && brokerHost == null) return settings;

        settings.WifiSsid = ssid;
        settings.WifiPassword = password;
        if (!string.IsNullOrEmpty(brokerHost)) settings.BrokerHost = brokerHost;
        settings.FromSecretsFile = true;
        return settings;
    }

    // Implemented in SampleSecrets.cs. A partial method without an implementation is removed by the compiler, call
    // included, so the sample builds with or without the local file.
    static partial void Provide(ref string wifiSsid, ref string wifiPassword, ref string brokerHost);
}
