using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using EdgeSensor.Desktop.Broker;
using Xunit;

namespace EdgeSensor.Integration.Tests;

public sealed class PrivateBrokerTests
{
    [Fact]
    public async Task Clean_session_connect_is_accepted_without_session_present_MQTT_3_2_2_1()
    {
        using var broker = PrivateBroker.StartNew();
        using var connection = await RawMqttConnection.OpenAsync(broker.Host, broker.Port);

        await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);

        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x00 }, await connection.ReadAsync(4));
    }

    [Fact]
    public async Task Restart_disconnects_clients_and_accepts_new_ones_on_the_same_port()
    {
        using var broker = PrivateBroker.StartNew();
        int port = broker.Port;
        int firstPid = broker.Pid;
        using var before = await ConnectAsync(broker);

        broker.Restart();

        Assert.True(await before.IsClosedByPeerAsync(), "the stopped broker should have closed the old connection");
        Assert.Equal(port, broker.Port);
        Assert.NotEqual(firstPid, broker.Pid);
        using var after = await ConnectAsync(broker);
    }

    [Fact]
    public async Task Kill_then_start_accepts_new_connections_on_the_same_port()
    {
        using var broker = PrivateBroker.StartNew();
        int port = broker.Port;
        using var before = await ConnectAsync(broker);

        broker.Kill();

        Assert.False(broker.IsRunning);
        Assert.True(await before.IsClosedByPeerAsync(), "the killed broker's connection should drop");
        broker.Start();
        Assert.Equal(port, broker.Port);
        using var after = await ConnectAsync(broker);
    }

    [Fact]
    public void Missing_mosquitto_fails_with_the_install_command()
    {
        var options = new PrivateBrokerOptions { MosquittoPath = "/nonexistent/edgesensor/mosquitto" };
        using var broker = new PrivateBroker(options);

        var error = Assert.Throws<MosquittoNotInstalledException>(() => broker.Start());

        Assert.Equal("mosquitto is not installed: run `apt-get install -y mosquitto mosquitto-clients`", error.Message);
    }

    [Fact]
    public void Dispose_stops_mosquitto_and_deletes_its_directory()
    {
        using var broker = PrivateBroker.StartNew();
        string directory = broker.WorkDirectory;
        using var mosquitto = Process.GetProcessById(broker.Pid);

        broker.Dispose();

        Assert.True(mosquitto.HasExited);
        Assert.False(Directory.Exists(directory));
    }

    static async Task<RawMqttConnection> ConnectAsync(PrivateBroker broker)
    {
        var connection = await RawMqttConnection.OpenAsync(broker.Host, broker.Port);
        await connection.SendAsync(HandBuiltPackets.CleanSessionConnect);
        Assert.Equal(HandBuiltPackets.AcceptedConnack, await connection.ReadAsync(4));
        return connection;
    }
}
