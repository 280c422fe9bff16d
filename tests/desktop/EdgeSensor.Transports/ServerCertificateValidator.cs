using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EdgeSensor.Transports;

/// <summary>
/// Accepts a server certificate only when it chains to one given CA (the sole trust anchor: the system's roots
/// are ignored, as on a device that carries its broker's CA) and names the expected host. When it refuses,
/// <see cref="Failure"/> says why in words, because SslStream's own message only says "rejected by the callback".
/// </summary>
sealed class ServerCertificateValidator
{
    readonly X509Certificate2 authority;
    readonly string serverName;

    public ServerCertificateValidator(X509Certificate2 authority, string serverName)
    {
        this.authority = authority;
        this.serverName = serverName;
    }

    public string Failure { get; private set; }

    public bool Validate(object sender, X509Certificate certificate, X509Chain presentedChain, SslPolicyErrors errors)
    {
        if (certificate == null)
        {
            Failure = "the server presented no certificate.";
            return false;
        }

        using var server = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // test and device CAs publish no revocation lists
        if (presentedChain != null)
        {
            foreach (X509ChainElement element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(server))
        {
            string reasons = string.Join("; ", chain.ChainStatus.Select(s => s.Status + " (" + s.StatusInformation.Trim() + ")"));
            Failure = "the server certificate '" + server.Subject + "' does not chain to the trusted CA '" + authority.Subject + "': " + reasons + ".";
            return false;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            Failure = "the server certificate '" + server.Subject + "' is not valid for the host name '" + serverName + "'.";
            return false;
        }

        Failure = null;
        return true;
    }
}
