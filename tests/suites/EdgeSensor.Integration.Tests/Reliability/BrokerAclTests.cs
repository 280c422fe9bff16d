using System;
using System.IO;
using System.Linq;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>
/// mosquitto with the production ACL (hardware/broker-config/acl) and one user per device: each device is confined to its
/// own topics. mosquitto 2.0.11 acknowledges a denied PUBLISH and drops it, so non-delivery is shown by publishing
/// a marker right after it on an allowed topic: once the marker has arrived, the denied message would have too.
/// </summary>
public sealed class BrokerAclTests : IDisposable
{
    const string Password = "acl-test-pass";
    const string DeviceA = "device-a";
    const string DeviceB = "device-b";

    readonly PrivateBroker broker;
    readonly TestClient operatorClient;
    readonly TestClient a;
    readonly TestClient b;

    public BrokerAclTests()
    {
        var options = new PrivateBrokerOptions
        {
            AllowAnonymous = false,
            AclFileContent = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BrokerConfig", "acl")),
        };
        foreach (string user in new[] { DeviceA, DeviceB, "operator" })
        {
            options.Users[user] = Password;
        }

        broker = PrivateBroker.StartNew(options);
        operatorClient = As("operator");
        a = As(DeviceA);
        b = As(DeviceB);
    }

    [Fact]
    public void A_device_publishes_its_own_telemetry_and_the_operator_reads_it()
    {
        operatorClient.Subscribe("edgesensor/#", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-a/telemetry", "{\"seq\":1}", MqttQos.AtLeastOnce);
        Assert.Equal("{\"seq\":1}", operatorClient.Handler.WaitForMessage("edgesensor/device-a/telemetry").Text);
    }

    [Fact]
    public void A_device_cannot_publish_into_another_devices_topics_nor_command_itself()
    {
        operatorClient.Subscribe("edgesensor/#", MqttQos.AtLeastOnce);
        b.Subscribe("edgesensor/device-b/cmd/#", MqttQos.AtLeastOnce);

        a.Publish("edgesensor/device-b/telemetry", "forged by a", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-b/status", "forged by a", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-b/cmd/relay1", "ON", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-a/cmd/relay1", "ON", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-a/telemetry", "marker", MqttQos.AtLeastOnce);

        operatorClient.Handler.WaitForMessage("edgesensor/device-a/telemetry");
        Assert.Equal(new[] { "edgesensor/device-a/telemetry" }, operatorClient.Handler.Messages.Select(m => m.Topic));
        Assert.True(a.Client.IsConnected, "a denied PUBLISH is dropped, not answered by closing the connection");
        // B's command subscription saw nothing either: the operator's command below arrives alone.
        operatorClient.Publish("edgesensor/device-b/cmd/relay1", "OFF", MqttQos.AtLeastOnce);
        Assert.Equal("OFF", b.Handler.WaitForMessage("edgesensor/device-b/cmd/relay1").Text);
        Assert.Single(b.Handler.Messages);
    }

    [Fact]
    public void A_device_reads_its_own_commands_but_not_another_devices()
    {
        a.Client.Subscribe("edgesensor/device-b/cmd/#", MqttQos.AtLeastOnce); // mosquitto may grant it; it delivers nothing
        a.Subscribe("edgesensor/device-a/cmd/#", MqttQos.AtLeastOnce);

        operatorClient.Publish("edgesensor/device-b/cmd/relay1", "ON", MqttQos.AtLeastOnce);
        operatorClient.Publish("edgesensor/device-a/cmd/relay1", "ON", MqttQos.AtLeastOnce);

        a.Handler.WaitForMessage("edgesensor/device-a/cmd/relay1");
        Assert.Equal(new[] { "edgesensor/device-a/cmd/relay1" }, a.Handler.Messages.Select(m => m.Topic));
    }

    [Fact]
    public void A_device_reads_its_own_desired_settings_and_writes_only_its_own_reported_ones()
    {
        operatorClient.Subscribe("edgesensor/#", MqttQos.AtLeastOnce);
        a.Subscribe("edgesensor/device-a/settings/desired", MqttQos.AtLeastOnce);
        a.Client.Subscribe("edgesensor/device-b/settings/desired", MqttQos.AtLeastOnce); // mosquitto may grant it; it delivers nothing

        a.Publish("edgesensor/device-a/settings/desired", "{\"version\":99}", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-b/settings/reported", "forged by a", MqttQos.AtLeastOnce);
        a.Publish("edgesensor/device-a/settings/reported", "{\"version\":0}", MqttQos.AtLeastOnce);
        operatorClient.Handler.WaitForMessage("edgesensor/device-a/settings/reported");
        Assert.Equal(new[] { "edgesensor/device-a/settings/reported" }, operatorClient.Handler.Messages.Select(m => m.Topic));

        operatorClient.Publish("edgesensor/device-b/settings/desired", "{\"version\":1}", MqttQos.AtLeastOnce);
        operatorClient.Publish("edgesensor/device-a/settings/desired", "{\"version\":2}", MqttQos.AtLeastOnce);
        Assert.Equal("{\"version\":2}", a.Handler.WaitForMessage("edgesensor/device-a/settings/desired").Text);
        Assert.Single(a.Handler.Messages); // neither its own forged document nor b's
    }

    [Fact]
    public void The_operator_reads_every_device_and_commands_them_but_cannot_forge_device_topics()
    {
        operatorClient.Subscribe("edgesensor/#", MqttQos.AtLeastOnce);
        a.Subscribe("edgesensor/device-a/cmd/#", MqttQos.AtLeastOnce);
        b.Subscribe("edgesensor/device-b/cmd/#", MqttQos.AtLeastOnce);

        a.Publish("edgesensor/device-a/state/relay1", "ON", MqttQos.AtLeastOnce);
        b.Publish("edgesensor/device-b/event", "{\"event\":\"boot\"}", MqttQos.AtLeastOnce);
        operatorClient.Handler.WaitForMessage("edgesensor/device-a/state/relay1");
        operatorClient.Handler.WaitForMessage("edgesensor/device-b/event");

        operatorClient.Publish("edgesensor/device-a/status", "forged by operator", MqttQos.AtLeastOnce);
        operatorClient.Publish("edgesensor/device-a/cmd/led", "40", MqttQos.AtLeastOnce);
        operatorClient.Publish("edgesensor/device-b/cmd/led", "60", MqttQos.AtLeastOnce);
        Assert.Equal("40", a.Handler.WaitForMessage("edgesensor/device-a/cmd/led").Text);
        Assert.Equal("60", b.Handler.WaitForMessage("edgesensor/device-b/cmd/led").Text);

        // The operator also sees its own commands (it reads edgesensor/#): wait for the last, then check for the forgery.
        operatorClient.Handler.WaitForMessage("edgesensor/device-b/cmd/led");
        Assert.DoesNotContain(operatorClient.Handler.Messages, m => m.Topic == "edgesensor/device-a/status");
    }

    public void Dispose()
    {
        b?.Dispose();
        a?.Dispose();
        operatorClient?.Dispose();
        broker.Dispose();
    }

    TestClient As(string user)
    {
        return TestClient.Connected(broker, user, o =>
        {
            o.Connect.UserName = user;
            o.Connect.Password = Encoding.UTF8.GetBytes(Password);
        });
    }
}
