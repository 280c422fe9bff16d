using EdgeSensor.Device;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.NanoTests.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>The topic contract (device-topics.md, v1) and how a received topic is matched to an actuator.</summary>
[TestClass]
public class DeviceTopicsTests
{
    static DeviceTopics Topics()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        Actuator[] actuators = new Actuator[]
        {
            new RelayActuator(config.Actuators[0], new FakeOutput()), new PwmActuator(config.Actuators[1], new FakeOutput()),
        };
        return new DeviceTopics("edgesensor", "dev1", actuators);
    }

    [TestMethod]
    public void TopicsAreTheContractsUnderTheBase()
    {
        DeviceTopics t = Topics();
        Assert.AreEqual("edgesensor/dev1", t.Base, "base");
        Expect.Bytes(Ascii.Bytes("edgesensor/dev1/status"), t.Status, "status");
        Expect.Bytes(Ascii.Bytes("edgesensor/dev1/info"), t.Info, "info");
        Expect.Bytes(Ascii.Bytes("edgesensor/dev1/telemetry"), t.Telemetry, "telemetry");
        Expect.Bytes(Ascii.Bytes("edgesensor/dev1/event"), t.Event, "event");
        Assert.AreEqual(2, t.State.Length, "one state topic per actuator");
        Expect.Bytes(Ascii.Bytes("edgesensor/dev1/state/relay1"), t.State[0], "state/relay1");
        Expect.Bytes(Ascii.Bytes("edgesensor/dev1/state/led"), t.State[1], "state/led");
        Assert.AreEqual("edgesensor/dev1/cmd/+", t.CommandFilter, "command filter");
    }

    [TestMethod]
    [DataRow("edgesensor/dev1/cmd/relay1", 0, 6)]
    [DataRow("edgesensor/dev1/cmd/led", 1, 3)]
    [DataRow("edgesensor/dev1/cmd/pump", -1, 4)]
    [DataRow("edgesensor/dev1/cmd/led2", -1, 4)]
    [DataRow("edgesensor/dev1/cmd/le", -1, 2)]
    [DataRow("edgesensor/dev1/cmd/x", -1, 1)]
    [DataRow("edgesensor/dev1/cmd/", -1, 0)]
    public void ACommandTopicGivesTheActuatorAndLocatesTheName(string topic, int actuator, int nameLength)
    {
        byte[] buffer = Ascii.Bytes("~~~" + topic + "~~");
        int nameOffset, length;
        Assert.AreEqual(actuator, Topics().MatchCommand(buffer, 3, topic.Length, out nameOffset, out length), "actuator");
        Assert.AreEqual(3 + 20, nameOffset, "the name starts after <base>/cmd/");
        Assert.AreEqual(nameLength, length, "name length");
    }

    [TestMethod]
    [DataRow("edgesensor/dev1/cmd")]
    [DataRow("edgesensor/dev1/status")]
    [DataRow("edgesensor/dev2/cmd/relay1")]
    [DataRow("Edgesensor/dev1/cmd/relay1")]
    [DataRow("")]
    public void AnyOtherTopicIsNoCommand(string topic)
    {
        byte[] buffer = Ascii.Bytes(topic + "relay1");
        int nameOffset, length;
        Assert.AreEqual(-1, Topics().MatchCommand(buffer, 0, topic.Length, out nameOffset, out length), "actuator");
        Assert.AreEqual(-1, nameOffset, "no name offset");
        Assert.AreEqual(-1, length, "no name length");
    }

    [TestMethod]
    public void Utf8EncodesBeyondAscii()
    {
        Expect.Bytes(Hex.Bytes("C2B043"), DeviceTopics.Utf8("\u00B0C"), "degree sign");
        Expect.Bytes(Hex.Bytes("F09F9880"), DeviceTopics.Utf8("\uD83D\uDE00"), "a supplementary character as four bytes");
        Assert.AreEqual(0, DeviceTopics.Utf8("").Length, "empty");
    }
}
