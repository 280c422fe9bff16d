using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;

namespace EdgeSensor.Harness.Cli;

/// <summary>The transport a broker address calls for: plain TCP, or TLS trusting only the given CA.</summary>
static class BrokerTransports
{
    /// <param name="caFile">PEM or DER file of the CA for mqtts://; null to use <paramref name="caPem"/>.</param>
    /// <param name="caPem">PEM text of the CA (from a device config), used when no file is given.</param>
    public static IMqttTransport Create(BrokerAddress broker, string caFile, string caPem = null)
    {
        if (!broker.Tls)
        {
            return new TcpTransport(broker.Host, broker.Port);
        }

        return new TlsTransport(broker.Host, broker.Port, broker.Host, LoadAuthority(caFile, caPem), null);
    }

    static X509Certificate2 LoadAuthority(string caFile, string caPem)
    {
        if (caFile == null && string.IsNullOrWhiteSpace(caPem))
        {
            throw new UserErrorException("mqtts:// needs the CA that signed the broker's certificate: add --ca FILE (PEM)");
        }

        try
        {
            return caFile != null ? X509CertificateLoader.LoadCertificateFromFile(caFile) : X509Certificate2.CreateFromPem(caPem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new UserErrorException("cannot read the CA certificate " + (caFile ?? "in the config") + ": " + e.Message + "; give a PEM certificate with --ca");
        }
    }
}
