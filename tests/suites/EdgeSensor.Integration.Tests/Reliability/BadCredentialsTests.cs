using System.Diagnostics;
using System.Linq;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;
using Xunit.Abstractions;

namespace EdgeSensor.Integration.Tests.Reliability;

public sealed class BadCredentialsTests
{
    const string RightPassword = "correct-horse-7Q!";
    const string WrongPassword = "wrong-battery-9Z?";
    const int InitialMs = 100;
    const int MaxMs = 1600;
    const int Attempts = 6;

    readonly ITestOutputHelper output;

    public BadCredentialsTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// A refused CONNECT [MQTT-3.2.2-5: CONNACK with a non-zero code, then the server closes] is reported each
    /// attempt and followed by the same backoff as an unreachable broker: a device with a wrong password must not
    /// hammer the broker. Neither the wrong password nor the right one may show up in what the client reports.
    /// </summary>
    [Fact]
    public void A_wrong_password_is_refused_every_attempt_with_backoff_and_never_reported()
    {
        using var broker = PrivateBroker.StartNew(Users("device-x"));
        var clock = Stopwatch.StartNew();
        var handler = new TimelineHandler(clock);
        MqttClientOptions options = TestClient.DefaultOptions(TestTopics.UniqueClientId("badpass"));
        options.InitialReconnectDelayMs = InitialMs;
        options.MaxReconnectDelayMs = MaxMs;
        options.Connect.UserName = "device-x";
        options.Connect.Password = Encoding.UTF8.GetBytes(WrongPassword);
        var client = new MqttClient(new TcpTransport(broker.Host, broker.Port), new SystemClock(), options, handler);
        client.Start();
        try
        {
            handler.WaitUntil((c, d) => d.Count >= Attempts, Attempts + " refused attempts");
            var refusals = handler.Disconnections.Take(Attempts).ToList();
            var gaps = BackoffAssertions.AssertGapsRespectBackoff(refusals.Select(r => r.AtMs).ToList(), InitialMs, MaxMs);
            output.WriteLine(Attempts + " refusals (" + refusals[0].ReturnCode + "), gaps (ms): " + string.Join(" ", gaps));

            Assert.All(refusals, r => Assert.Equal(MqttError.ConnectionRefused, r.Reason));
            Assert.All(refusals, r => Assert.Contains(r.ReturnCode, new[] { MqttConnectReturnCode.NotAuthorized, MqttConnectReturnCode.BadUserNameOrPassword }));
            Assert.Empty(handler.Connections);
            AssertNoSecret(client.LastTransportError);
            AssertNoSecret(client.LastError.ToString());
            AssertNoSecret(broker.ReadLog());
        }
        finally
        {
            client.Stop(5000);
        }
    }

    /// <summary>A device's password is a secret (docs/device-topics.md: info is "never a secret"): not in info, not in anything it publishes, not in the broker's log.</summary>
    [Fact]
    public void A_devices_password_appears_in_nothing_it_publishes_or_logs()
    {
        DeviceConfig config = SampleDevice.Config(0);
        using var broker = PrivateBroker.StartNew(Users(config.Id));
        config.Broker.Port = broker.Port;
        config.Broker.UserName = config.Id;
        config.Broker.Password = RightPassword;
        using var operatorView = TestClient.Connected(broker, "operator", o =>
        {
            o.Connect.UserName = "operator";
            o.Connect.Password = Encoding.UTF8.GetBytes(RightPassword);
        });
        string deviceBase = "edgesensor/" + config.Id;
        operatorView.Subscribe(deviceBase + "/#", MqttQos.AtLeastOnce);

        using (var device = SimulatedDevice.OverTcp(config, drift: false))
        {
            device.Start();
            ReceivedMessage info = operatorView.Handler.WaitForMessage(deviceBase + "/info");
            operatorView.Handler.WaitForMessage(deviceBase + "/telemetry");
            Assert.Contains(config.Id, info.Text);
            AssertNoSecret(device.Client.LastTransportError);
        }

        operatorView.Handler.WaitUntil(() => operatorView.Handler.Messages.Any(m => m.Topic == deviceBase + "/status" && m.Text == "offline"), "the device's offline status");
        Assert.All(operatorView.Handler.Messages, m => AssertNoSecret(m.Topic + " " + m.Text));
        AssertNoSecret(broker.ReadLog());
    }

    static void AssertNoSecret(string text)
    {
        if (text == null)
        {
            return;
        }

        Assert.DoesNotContain(RightPassword, text);
        Assert.DoesNotContain(WrongPassword, text);
    }

    static PrivateBrokerOptions Users(string deviceUser)
    {
        var options = new PrivateBrokerOptions { AllowAnonymous = false };
        options.Users[deviceUser] = RightPassword;
        options.Users["operator"] = RightPassword;
        return options;
    }
}
