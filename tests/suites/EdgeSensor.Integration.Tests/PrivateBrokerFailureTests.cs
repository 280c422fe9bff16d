using System.Net;
using System.Net.Sockets;
using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Integration.Tests;

/// <summary>When mosquitto cannot come up, the error must say why, so a broken CI run explains itself.</summary>
public sealed class PrivateBrokerFailureTests
{
    [Fact]
    public void Invalid_config_fails_with_mosquittos_own_complaint()
    {
        var options = new PrivateBrokerOptions();
        options.ExtraConfigLines.Add("no_such_option 1");
        using var broker = new PrivateBroker(options);

        var error = Assert.Throws<BrokerStartException>(() => broker.Start());

        Assert.Contains("exited during startup", error.Message);
        Assert.Contains("no_such_option", error.Message);
        Assert.False(broker.IsRunning);
    }

    [Fact]
    public void Restart_on_a_port_taken_meanwhile_fails_with_address_in_use()
    {
        using var broker = PrivateBroker.StartNew();
        broker.Kill();
        var squatter = new TcpListener(IPAddress.Loopback, broker.Port);
        squatter.Start();
        try
        {
            var error = Assert.Throws<BrokerStartException>(() => broker.Start());

            Assert.Contains("Address already in use", error.Message);
        }
        finally
        {
            squatter.Stop();
        }
    }
}
