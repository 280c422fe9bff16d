using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Integration.Tests;

/// <summary>Each broker option, checked against the real mosquitto: a wrong config line would otherwise only show up in later suites.</summary>
public sealed class PrivateBrokerOptionsTests
{
    [Fact]
    public async Task Users_from_the_password_file_connect_and_a_wrong_password_is_refused()
    {
        var options = new PrivateBrokerOptions { AllowAnonymous = false };
        options.Users["sensor-1"] = "s3cret";
        using var broker = PrivateBroker.StartNew(options);

        using var rightPassword = await RawMqttConnection.OpenAsync(broker.Host, broker.Port);
        await rightPassword.SendAsync(HandBuiltPackets.ConnectAsSensor1("s3cret"));
        Assert.Equal(HandBuiltPackets.AcceptedConnack, await rightPassword.ReadAsync(4));

        using var wrongPassword = await RawMqttConnection.OpenAsync(broker.Host, broker.Port);
        await wrongPassword.SendAsync(HandBuiltPackets.ConnectAsSensor1("wrong!"));
        // mosquitto 2.0 answers a bad password with return code 5, "not authorized".
        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x05 }, await wrongPassword.ReadAsync(4));
    }

    [Fact]
    public async Task Anonymous_clients_are_refused_when_not_allowed()
    {
        using var broker = PrivateBroker.StartNew(new PrivateBrokerOptions { AllowAnonymous = false });
        using var connection = await RawMqttConnection.OpenAsync(broker.Host, broker.Port);

        await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);

        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x05 }, await connection.ReadAsync(4));
    }

    [Fact]
    public async Task Acl_delivers_only_the_topics_it_lists()
    {
        // Topic lines before any "user" line apply to anonymous clients. mosquitto 2.0 grants every subscription
        // and applies the ACL to each message, so the check is on what gets delivered.
        var options = new PrivateBrokerOptions { AclFileContent = "topic readwrite sensors/#\n" };
        using var broker = PrivateBroker.StartNew(options);
        using var connection = await ConnectAsync(broker);
        await connection.SendAsync(HandBuiltPackets.SubscribeSensorsAndActuators);
        Assert.Equal(HandBuiltPackets.SensorsAndActuatorsSuback, await connection.ReadAsync(6));

        await connection.SendAsync(HandBuiltPackets.RelayOnAtQos0);
        await connection.SendAsync(HandBuiltPackets.TemperatureAtQos0);

        // Had the relay message got through, it would arrive first.
        Assert.Equal(HandBuiltPackets.TemperatureAtQos0, await connection.ReadAsync(HandBuiltPackets.TemperatureAtQos0.Length));
    }

    [Fact]
    public async Task A_refused_subscription_gets_suback_0x80_and_the_other_filters_are_granted()
    {
        var options = new PrivateBrokerOptions();
        options.RefusedSubscriptions.Add("actuators/relay");
        using var broker = PrivateBroker.StartNew(options);
        using var connection = await ConnectAsync(broker);

        await connection.SendAsync(HandBuiltPackets.SubscribeSensorsAndActuators);

        // "sensors/t" granted QoS 0, "actuators/relay" refused [MQTT-3.9.3-2].
        Assert.Equal(new byte[] { 0x90, 0x04, 0x00, 0x01, 0x00, 0x80 }, await connection.ReadAsync(6));
    }

    [Fact]
    public async Task Persistence_keeps_a_retained_message_across_a_restart()
    {
        using var broker = PrivateBroker.StartNew(new PrivateBrokerOptions { Persistence = true });
        await PublishRetainedTemperatureAsync(broker);

        broker.Restart();

        using var subscriber = await ConnectAsync(broker);
        await subscriber.SendAsync(HandBuiltPackets.SubscribeSensors);
        Assert.Equal(HandBuiltPackets.SensorsSuback, await subscriber.ReadAsync(HandBuiltPackets.SensorsSuback.Length));
        Assert.Equal(HandBuiltPackets.RetainedTemperatureAtQos0, await subscriber.ReadAsync(HandBuiltPackets.RetainedTemperatureAtQos0.Length));
    }

    [Fact]
    public async Task Without_persistence_a_restart_forgets_retained_messages()
    {
        using var broker = PrivateBroker.StartNew();
        await PublishRetainedTemperatureAsync(broker);

        broker.Restart();

        using var subscriber = await ConnectAsync(broker);
        // A retained message would be sent right after the SUBACK, so the PINGRESP coming first proves there is none.
        await subscriber.SendAsync(HandBuiltPackets.SubscribeSensors);
        await subscriber.SendAsync(HandBuiltPackets.Pingreq);
        Assert.Equal(HandBuiltPackets.SensorsSuback, await subscriber.ReadAsync(HandBuiltPackets.SensorsSuback.Length));
        Assert.Equal(HandBuiltPackets.Pingresp, await subscriber.ReadAsync(HandBuiltPackets.Pingresp.Length));
    }

    [Fact]
    public async Task Tls_listener_accepts_mqtt_over_tls_on_its_own_port()
    {
        using var authority = new TestCertificateAuthority();
        using var broker = PrivateBroker.StartNew(TlsOptions(authority, requireCertificate: false));
        Assert.NotEqual(0, broker.TlsPort);
        Assert.NotEqual(broker.Port, broker.TlsPort);

        using var connection = await RawMqttConnection.OpenTlsAsync(broker.Host, broker.TlsPort, TrustingOnly(authority, null));
        await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);

        Assert.Equal(HandBuiltPackets.AcceptedConnack, await connection.ReadAsync(4));
    }

    [Fact]
    public async Task Tls_listener_requiring_a_certificate_accepts_a_client_signed_by_the_ca()
    {
        using var authority = new TestCertificateAuthority();
        using var broker = PrivateBroker.StartNew(TlsOptions(authority, requireCertificate: true));
        using X509Certificate2 device = authority.IssueClient("device-1");

        using var connection = await RawMqttConnection.OpenTlsAsync(broker.Host, broker.TlsPort, TrustingOnly(authority, device));
        await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);

        Assert.Equal(HandBuiltPackets.AcceptedConnack, await connection.ReadAsync(4));
    }

    [Fact]
    public async Task Tls_listener_requiring_a_certificate_refuses_a_client_without_one()
    {
        using var authority = new TestCertificateAuthority();
        using var broker = PrivateBroker.StartNew(TlsOptions(authority, requireCertificate: true));

        // With TLS 1.3 the server's refusal may arrive after the client thinks the handshake is done, so it can surface
        // on the handshake, on the write or on the read; in every case no CONNACK must come back.
        bool refused;
        try
        {
            using var connection = await RawMqttConnection.OpenTlsAsync(broker.Host, broker.TlsPort, TrustingOnly(authority, null));
            await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);
            refused = await connection.IsClosedByPeerAsync();
        }
        catch (AuthenticationException)
        {
            refused = true;
        }
        catch (System.IO.IOException)
        {
            refused = true;
        }

        Assert.True(refused, "a client without certificate got past require_certificate");
    }

    static PrivateBrokerOptions TlsOptions(TestCertificateAuthority authority, bool requireCertificate)
    {
        (string certFile, string keyFile) = authority.IssueServerFiles();
        return new PrivateBrokerOptions
        {
            Tls = new BrokerTlsOptions
            {
                CaFile = authority.CaFile,
                CertFile = certFile,
                KeyFile = keyFile,
                RequireCertificate = requireCertificate,
            },
        };
    }

    static SslClientAuthenticationOptions TrustingOnly(TestCertificateAuthority authority, X509Certificate2 clientCertificate)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(authority.Certificate);
        return new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            CertificateChainPolicy = policy,
            ClientCertificates = clientCertificate == null ? null : new X509CertificateCollection { clientCertificate },
        };
    }

    static async Task PublishRetainedTemperatureAsync(PrivateBroker broker)
    {
        using var publisher = await ConnectAsync(broker);
        await publisher.SendAsync(HandBuiltPackets.RetainedQos1Temperature);
        // The PUBACK means the broker has stored the message before we restart it.
        Assert.Equal(HandBuiltPackets.PubackForPacket1, await publisher.ReadAsync(4));
    }

    static async Task<RawMqttConnection> ConnectAsync(PrivateBroker broker)
    {
        var connection = await RawMqttConnection.OpenAsync(broker.Host, broker.Port);
        await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);
        Assert.Equal(HandBuiltPackets.AcceptedConnack, await connection.ReadAsync(4));
        return connection;
    }
}
