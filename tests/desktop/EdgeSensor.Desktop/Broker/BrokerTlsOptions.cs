using System.Collections.Generic;

namespace EdgeSensor.Desktop.Broker;

/// <summary>The TLS listener of a <see cref="PrivateBroker"/>: PEM files, in mosquitto's terms.</summary>
public sealed class BrokerTlsOptions
{
    /// <summary>CA that client certificates must chain to; required when <see cref="RequireCertificate"/> is set.</summary>
    public string CaFile { get; set; }

    public string CertFile { get; set; }

    public string KeyFile { get; set; }

    /// <summary>Rejects clients that do not present a certificate signed by <see cref="CaFile"/>.</summary>
    public bool RequireCertificate { get; set; }

    /// <summary>Raw lines for the TLS listener only, e.g. "use_identity_as_username true".</summary>
    public IList<string> ExtraListenerLines { get; } = new List<string>();
}
