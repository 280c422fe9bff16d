using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeSensor.Integration.Tests;

/// <summary>A throwaway CA that issues a server certificate for 127.0.0.1 and client certificates,
/// written as PEM files for mosquitto. ECDSA keys because they are fast to generate.</summary>
sealed class TestCertificateAuthority : IDisposable
{
    readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("edgesensor-certs-");
    readonly X509Certificate2 authority;
    int nextSerial = 1;

    public TestCertificateAuthority()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=EdgeSensor Test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        CaFile = Path.Combine(directory.FullName, "ca.crt");
        File.WriteAllText(CaFile, authority.ExportCertificatePem());
    }

    public string CaFile { get; }

    public X509Certificate2 Certificate => authority;

    /// <summary>Issues the server certificate and returns the paths of its PEM certificate and key.</summary>
    public (string CertFile, string KeyFile) IssueServerFiles()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 server = Issue("CN=127.0.0.1", key, "1.3.6.1.5.5.7.3.1", names.Build()); // serverAuth
        string certFile = Path.Combine(directory.FullName, "server.crt");
        string keyFile = Path.Combine(directory.FullName, "server.key");
        File.WriteAllText(certFile, server.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }

    /// <summary>A client certificate with its private key, for SslStream.</summary>
    public X509Certificate2 IssueClient(string commonName)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 publicOnly = Issue("CN=" + commonName, key, "1.3.6.1.5.5.7.3.2", null); // clientAuth
        return publicOnly.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        authority.Dispose();
        directory.Delete(recursive: true);
    }

    X509Certificate2 Issue(string subject, ECDsa key, string extendedUsageOid, X509Extension alternativeNames)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(extendedUsageOid) }, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        if (alternativeNames != null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        byte[] serial = BitConverter.GetBytes(nextSerial++);
        return request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
    }
}
