using System.Linq;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

public class CommandTests
{
    static DeviceFixture Connected()
    {
        var f = new DeviceFixture();
        f.Connect();
        f.Link.Take();
        return f;
    }

    static Published Only(DeviceFixture f, string suffix) => f.Link.Messages.Single(m => m.Topic.EndsWith(suffix));

    [Theory]
    [InlineData("ON", true)]
    [InlineData("on", true)]
    [InlineData("  On \r\n", true)]
    [InlineData("1", true)]
    [InlineData("OFF", false)]
    [InlineData("off", false)]
    [InlineData("\t0 ", false)]
    public void RelayCommands_DriveTheOutputAndPublishTheRetainedState(string payload, bool on)
    {
        var f = Connected();
        if (!on) { f.Receive("edgesensor/dev1/cmd/relay1", "ON"); f.Device.Tick(f.Now); f.Link.Take(); }

        f.Receive("edgesensor/dev1/cmd/relay1", payload);
        f.Device.Tick(f.Now);

        Assert.Equal(!on, f.Relay.Level); // active-low: on = low
        Assert.Equal(new Published("edgesensor/dev1/state/relay1", on ? "ON" : "OFF", MqttQos.AtLeastOnce, true), f.Link.Messages.Single());
    }

    [Fact]
    public void Toggle_FlipsTheRealState()
    {
        var f = Connected();
        int writes = f.Relay.Writes;
        f.Receive("edgesensor/dev1/cmd/relay1", "TOGGLE");
        f.Device.Tick(f.Now);
        f.Receive("edgesensor/dev1/cmd/relay1", "toggle");
        f.Receive("edgesensor/dev1/cmd/relay1", "toggle");
        f.Device.Tick(f.Now);
        Assert.False(f.Relay.Level);
        Assert.Equal(new[] { "ON", "ON" }, f.Link.Messages.Select(m => m.Payload));
        Assert.Equal(writes + 3, f.Relay.Writes); // all three applied
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData(" 42 ", 42)]
    public void PwmCommands_SetThePercent(string payload, int percent)
    {
        var f = Connected();
        f.Receive("edgesensor/dev1/cmd/led", payload);
        f.Device.Tick(f.Now);
        Assert.Equal(percent, f.Led.Percent);
        Assert.Equal(percent.ToString(), Only(f, "/state/led").Payload);
    }

    [Theory]
    [InlineData("relay1", "MAYBE", "invalid_payload")]
    [InlineData("relay1", "", "invalid_payload")]
    [InlineData("led", "101", "invalid_payload")]
    [InlineData("led", "-1", "invalid_payload")]
    [InlineData("led", "4.5", "invalid_payload")]
    [InlineData("pump", "ON", "unknown_actuator")]
    [InlineData("relay1", "ON ON ON ON ON ON ON ON ON ON ON ON", "payload_too_large")]
    public void BadCommands_ChangeNothingAndAreReported(string actuator, string payload, string reason)
    {
        var f = Connected();
        int relayWrites = f.Relay.Writes, ledWrites = f.Led.Writes;
        f.Receive("edgesensor/dev1/cmd/" + actuator, payload);
        f.Device.Tick(f.Now);

        Assert.Equal((relayWrites, ledWrites), (f.Relay.Writes, f.Led.Writes));
        var e = Only(f, "/event");
        Assert.Equal(("command_rejected", actuator, reason), (e.Json.GetProperty("event").GetString(), e.Json.GetProperty("actuator").GetString(), e.Json.GetProperty("reason").GetString()));
        Assert.DoesNotContain(f.Link.Messages, m => m.Topic.Contains("/state/"));
        Assert.Single(f.Link.Messages, m => m.Topic.EndsWith("/event")); // rejected once
    }

    [Fact]
    public void NonUtf8Payload_IsRejected()
    {
        var f = Connected();
        f.Receive("edgesensor/dev1/cmd/relay1", new byte[] { 0x4F, 0xC3, 0x28 });
        f.Device.Tick(f.Now);
        Assert.Equal("invalid_utf8", Only(f, "/event").Json.GetProperty("reason").GetString());
        Assert.True(f.Relay.Level);
    }

    [Fact]
    public void RetainedCommand_IsIgnoredAndReported_NoGhostSwitching()
    {
        var f = Connected();
        f.Receive("edgesensor/dev1/cmd/relay1", "ON", retain: true);
        f.Device.Tick(f.Now);
        Assert.True(f.Relay.Level);
        Assert.Equal("retained", Only(f, "/event").Json.GetProperty("reason").GetString());
    }

    [Fact]
    public void EventEscapesAnArbitraryActuatorName()
    {
        var f = Connected();
        f.Receive("edgesensor/dev1/cmd/a\"b\\c", "ON");
        f.Device.Tick(f.Now);
        Assert.Equal("a\"b\\c", Only(f, "/event").Json.GetProperty("actuator").GetString());
    }

    [Fact]
    public void MessagesOutsideCmd_AreIgnored()
    {
        var f = Connected();
        f.Receive("edgesensor/dev1/other", "ON");
        f.Receive("edgesensor/dev2/cmd/relay1", "ON");
        f.Device.Tick(f.Now);
        Assert.Empty(f.Link.Messages);
    }

    [Fact]
    public void CommandFlood_OverflowsTheQueueVisibly()
    {
        var f = Connected();
        int writes = f.Relay.Writes;
        for (int i = 0; i < 20; i++) f.Receive("edgesensor/dev1/cmd/relay1", "TOGGLE");
        f.Device.Tick(f.Now);
        Assert.Equal(writes + 16, f.Relay.Writes); // the 16 the queue held were applied
        var e = Only(f, "/event").Json;
        Assert.Equal(("queue_full", 4), (e.GetProperty("reason").GetString(), e.GetProperty("count").GetInt32()));
    }

    [Fact]
    public void StateThatCouldNotBePublished_IsRetried()
    {
        var f = Connected();
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Receive("edgesensor/dev1/cmd/relay1", "ON");
        Assert.True(f.Device.Tick(f.Now) <= 100);
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Device.Tick(f.Now + 100);
        Assert.Equal("ON", Only(f, "/state/relay1").Payload);
    }
}
