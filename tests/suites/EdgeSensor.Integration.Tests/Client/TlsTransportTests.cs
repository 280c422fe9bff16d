using System;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>The client over <see cref="TlsTransport"/> to mosquitto's TLS listener, whose certificate names 127.0.0.1.</summary>
public sealed class TlsTransportTests : IDisposable
{
    const int OpenTimeoutMs = 30000;

    readonly TestCertificateAuthority authority = new TestCertificateAuthority();

    public void Dispose()
    {
        authority.Dispose();
    }

    [Fact]
    public void The_client_connects_over_tls_after_validating_the_server_and_exchanges_messages()
    {
        using var broker = PrivateBroker.StartNew(TlsBroker(requireCertificate: false));
        using var client = Started(new TlsTransport(broker.Host, broker.TlsPort, "127.0.0.1", authority.Certificate, null), "tls");
        client.WaitForConnection();
        string topic = TestTopics.Unique("tls");
        client.Subscribe(topic, MqttQos.ExactlyOnce);

        client.Publish(topic, "over tls", MqttQos.ExactlyOnce);

        Assert.Equal("over tls", client.Handler.WaitForMessage(topic).Text);
    }

    [Fact]
    public void A_server_certificate_from_another_ca_is_refused_with_a_clear_error()
    {
        using var broker = PrivateBroker.StartNew(TlsBroker(requireCertificate: false));
        using var stranger = new TestCertificateAuthority();
        var transport = new TlsTransport(broker.Host, broker.TlsPort, "127.0.0.1", stranger.Certificate, null);

        var error = Assert.Throws<AuthenticationException>(() => transport.Open(OpenTimeoutMs));

        Assert.Contains("does not chain to the trusted CA 'CN=EdgeSensor Test CA'", error.Message);
        Assert.Contains(broker.Host + ":" + broker.TlsPort, error.Message);
    }

    [Fact]
    public void A_server_certificate_for_another_host_name_is_refused_with_a_clear_error()
    {
        using var broker = PrivateBroker.StartNew(TlsBroker(requireCertificate: false));
        var transport = new TlsTransport(broker.Host, broker.TlsPort, "broker.example.org", authority.Certificate, null);

        var error = Assert.Throws<AuthenticationException>(() => transport.Open(OpenTimeoutMs));

        Assert.Contains("is not valid for the host name 'broker.example.org'", error.Message);
    }

    [Fact]
    public void A_client_certificate_authenticates_the_device_as_its_common_name()
    {
        PrivateBrokerOptions options = TlsBroker(requireCertificate: true);
        options.AllowAnonymous = false;
        options.Tls.ExtraListenerLines.Add("use_identity_as_username true");
        // No password is sent and anonymous clients are refused, so connecting at all proves the certificate was
        // accepted; the ACL lets only the certificate's name use these topics, so the message proves who the broker saw.
        options.AclFileContent = "user device-7\ntopic readwrite devices/device-7/#\n";
        using var broker = PrivateBroker.StartNew(options);
        using X509Certificate2 certificate = authority.IssueClient("device-7");
        using var client = Started(new TlsTransport(broker.Host, broker.TlsPort, "127.0.0.1", authority.Certificate, certificate), "device-7");
        client.WaitForConnection();

        string own = "devices/device-7/" + Guid.NewGuid().ToString("N");
        client.Subscribe(own, MqttQos.AtLeastOnce);
        client.Publish(own, "authenticated", MqttQos.AtLeastOnce);

        Assert.Equal("authenticated", client.Handler.WaitForMessage(own).Text);
    }

    static TestClient Started(IMqttTransport transport, string purpose)
    {
        var client = new TestClient(transport, TestClient.DefaultOptions(TestTopics.UniqueClientId(purpose)));
        client.Client.Start();
        return client;
    }

    PrivateBrokerOptions TlsBroker(bool requireCertificate)
    {
        (string certFile, string keyFile) = authority.IssueServerFiles();
        return new PrivateBrokerOptions
        {
            Tls = new BrokerTlsOptions { CaFile = authority.CaFile, CertFile = certFile, KeyFile = keyFile, RequireCertificate = requireCertificate },
        };
    }
}
