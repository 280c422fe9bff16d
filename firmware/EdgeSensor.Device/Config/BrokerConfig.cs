namespace EdgeSensor.Device.Config;

public sealed class BrokerConfig
{
    public string Host = "127.0.0.1";
    public int Port = 1883;
    public bool Tls;

    /// <summary>PEM text of the CA that signed the broker's certificate (TLS only).</summary>
    public string CaCertificate;
    public string UserName;

    /// <summary>A secret: never logged, echoed or published.</summary>
    public string Password;
}
