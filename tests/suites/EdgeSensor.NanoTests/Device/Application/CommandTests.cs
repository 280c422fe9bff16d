using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// Commands on <c>&lt;base&gt;/cmd/&lt;actuator&gt;</c>: ON/OFF/TOGGLE/1/0 for relays, 0..100 for PWM outputs,
/// applied in arrival order on the loop, each change published as the retained real state.
/// </summary>
[TestClass]
public class CommandTests
{
    const string Cmd = DeviceFixture.Base + "/cmd/";
    const string RelayState = DeviceFixture.Base + "/state/relay1";
    const string LedState = DeviceFixture.Base + "/state/led";

    [TestMethod]
    [DataRow("ON", true)]
    [DataRow("on", true)]
    [DataRow("  On \r\n", true)]
    [DataRow("1", true)]
    [DataRow("OFF", false)]
    [DataRow("off", false)]
    [DataRow("\t0 ", false)]
    [DataRow("oFf", false)]
    [DataRow("\n\n1\t", true)]
    public void RelayCommandsDriveTheOutputAndPublishTheRetainedState(string payload, bool on)
    {
        DeviceFixture f = DeviceFixture.Connected();
        if (!on)
        {
            f.Receive(Cmd + "relay1", "ON");
            f.Tick();
            f.Link.Clear();
        }

        f.Receive(Cmd + "relay1", payload);
        f.Tick();

        Assert.AreEqual(!on, f.Relay.Level, "active-low: on = low");
        Assert.AreEqual(1, f.Link.Count, "one message");
        Expect.Message(f.Link, 0, RelayState, Ascii.Bytes(on ? "ON" : "OFF"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void ToggleFlipsTheRealState()
    {
        DeviceFixture f = DeviceFixture.Connected();
        int writes = f.Relay.Writes;
        f.Receive(Cmd + "relay1", "TOGGLE");
        f.Tick();
        f.Receive(Cmd + "relay1", "toggle");
        f.Receive(Cmd + "relay1", "ToGgLe");
        f.Tick();
        Assert.IsFalse(f.Relay.Level, "on: pin low");
        Assert.AreEqual(2, f.Link.Count, "one state per tick");
        Expect.Message(f.Link, 0, RelayState, Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, RelayState, Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(writes + 3, f.Relay.Writes, "all three applied");
    }

    [TestMethod]
    public void CommandsAreAppliedInArrivalOrderAndTheLastStateIsPublishedOnce()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Receive(Cmd + "relay1", "ON");
        f.Receive(Cmd + "led", "70");
        f.Receive(Cmd + "relay1", "OFF");
        f.Receive(Cmd + "led", "30");
        f.Receive(Cmd + "relay1", "ON");
        f.Tick();
        Assert.IsFalse(f.Relay.Level, "relay on");
        Assert.AreEqual(30, f.Led.Percent, "led at the last duty");
        Assert.AreEqual(2, f.Link.Count, "one state per actuator");
        Expect.Message(f.Link, 0, RelayState, Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, LedState, Ascii.Bytes("30"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    [DataRow("0", 0, "0")]
    [DataRow("100", 100, "100")]
    [DataRow(" 42 ", 42, "42")]
    [DataRow("7", 7, "7")]
    [DataRow("010", 10, "10")]
    [DataRow("000100", 100, "100")]
    [DataRow("99\r\n", 99, "99")]
    public void PwmCommandsSetThePercent(string payload, int percent, string state)
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Receive(Cmd + "led", payload);
        f.Tick();
        Assert.AreEqual(percent, f.Led.Percent, "duty");
        Expect.Only(f.Link, LedState, Ascii.Bytes(state), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void TheSameCommandAgainIsAppliedAndRepublished()
    {
        DeviceFixture f = DeviceFixture.Connected();
        int writes = f.Led.Writes;
        f.Receive(Cmd + "led", "5");
        f.Tick();
        Assert.AreEqual(writes + 1, f.Led.Writes, "written again");
        Expect.Only(f.Link, LedState, Ascii.Bytes("5"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void MessagesOutsideCmdAreIgnored()
    {
        DeviceFixture f = DeviceFixture.Connected();
        int writes = f.Relay.Writes + f.Led.Writes;
        f.Receive(DeviceFixture.Base + "/other", "ON");
        f.Receive("edgesensor/dev2/cmd/relay1", "ON");
        f.Receive(DeviceFixture.Base + "/cmd", "ON");
        f.Receive(DeviceFixture.Base + "/cmdx/relay1", "ON");
        f.Receive(DeviceFixture.Base + "/state/relay1", "ON");
        f.Tick();
        Assert.AreEqual(0, f.Link.Count, "nothing published");
        Assert.AreEqual(writes, f.Relay.Writes + f.Led.Writes, "nothing written");
    }

    [TestMethod]
    public void AStateThatCouldNotBePublishedIsRetried()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Receive(Cmd + "relay1", "ON");
        Assert.IsTrue(f.Tick() <= 100, "retries soon");
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Device.Tick(f.Now + 100);
        Expect.Only(f.Link, RelayState, Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void AStateRetriedAfterFurtherCommandsCarriesTheLatestValue()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Receive(Cmd + "led", "20");
        f.Tick();
        f.Receive(Cmd + "led", "80");
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Advance(100);
        Expect.Only(f.Link, LedState, Ascii.Bytes("80"), MqttQos.AtLeastOnce, true);
    }
}
