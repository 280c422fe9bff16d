using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

public sealed class CredentialsTests
{
    [Fact]
    public void The_right_password_is_accepted()
    {
        using var broker = PrivateBroker.StartNew(WithOneUser());
        using var client = TestClient.Connected(broker, "device", o => Credentials(o, "s3cret"));

        Assert.True(client.Client.IsConnected);
    }

    [Fact]
    public void A_wrong_password_surfaces_as_ConnectionRefused_with_the_connack_return_code()
    {
        using var broker = PrivateBroker.StartNew(WithOneUser());
        using var client = TestClient.Tcp(broker, "device", o => Credentials(o, "wrong"));

        (MqttError reason, MqttConnectReturnCode code) = client.Handler.WaitForDisconnection();

        Assert.Equal(MqttError.ConnectionRefused, reason);
        Assert.Equal(MqttConnectReturnCode.NotAuthorized, code); // mosquitto 2.0 answers 5 for a wrong password, not 4
        Assert.Equal(0, client.Handler.Connections);
    }

    static PrivateBrokerOptions WithOneUser()
    {
        var options = new PrivateBrokerOptions { AllowAnonymous = false };
        options.Users["device"] = "s3cret";
        return options;
    }

    static void Credentials(MqttClientOptions options, string password)
    {
        options.Connect.UserName = "device";
        options.Connect.Password = Encoding.UTF8.GetBytes(password);
    }
}
