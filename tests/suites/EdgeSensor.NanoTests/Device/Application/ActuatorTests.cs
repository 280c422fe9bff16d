using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>Relay and PWM actuators on their own: pin levels, safe states, refusals and the state payload they report.</summary>
[TestClass]
public class ActuatorTests
{
    static ActuatorConfig Relay(bool activeLow, bool safeOn)
    {
        ActuatorConfig config = new ActuatorConfig();
        config.Kind = ActuatorKind.Relay;
        config.Name = "r";
        config.ActiveLow = activeLow;
        config.SafeOn = safeOn;
        return config;
    }

    static ActuatorConfig Pwm(int safePercent)
    {
        ActuatorConfig config = new ActuatorConfig();
        config.Kind = ActuatorKind.Pwm;
        config.Name = "p";
        config.SafePercent = safePercent;
        return config;
    }

    static string State(Actuator actuator)
    {
        byte[] buffer = new byte[10];
        buffer[0] = (byte)'#';
        int length = actuator.WriteState(buffer, 1);
        return Ascii.Text(buffer, 1, length);
    }

    static CommandRejection Apply(Actuator actuator, string payload)
    {
        byte[] bytes = Ascii.Bytes("##" + payload);
        return actuator.Apply(bytes, 2, payload.Length);
    }

    [TestMethod]
    [DataRow(false, false, false)]
    [DataRow(false, true, true)]
    [DataRow(true, false, true)]
    [DataRow(true, true, false)]
    public void TheSafeStateSetsThePinLevelForTheWiring(bool activeLow, bool safeOn, bool level)
    {
        FakeOutput output = new FakeOutput();
        RelayActuator relay = new RelayActuator(Relay(activeLow, safeOn), output);
        relay.ApplySafeState();
        Assert.IsTrue(output.Written, "written");
        Assert.AreEqual(level, output.Level, "pin level");
        Assert.AreEqual(safeOn ? "ON" : "OFF", State(relay), "state");
    }

    [TestMethod]
    [DataRow(false, "ON", true, "ON")]
    [DataRow(true, "ON", false, "ON")]
    [DataRow(false, "0", false, "OFF")]
    [DataRow(true, "0", true, "OFF")]
    [DataRow(false, "TOGGLE", true, "ON")]
    public void RelayCommandsSetThePinForTheWiring(bool activeLow, string payload, bool level, string state)
    {
        FakeOutput output = new FakeOutput();
        RelayActuator relay = new RelayActuator(Relay(activeLow, false), output);
        relay.ApplySafeState();
        Assert.AreEqual((int)CommandRejection.None, (int)Apply(relay, payload), "applied");
        Assert.AreEqual(level, output.Level, "pin level");
        Assert.AreEqual(state, State(relay), "state");
    }

    [TestMethod]
    public void ARefusedRelayCommandWritesNothing()
    {
        FakeOutput output = new FakeOutput();
        RelayActuator relay = new RelayActuator(Relay(false, true), output);
        relay.ApplySafeState();
        Assert.AreEqual((int)CommandRejection.InvalidPayload, (int)Apply(relay, "of"), "refused");
        Assert.AreEqual(1, output.Writes, "only the safe state was written");
        Assert.AreEqual("ON", State(relay), "state unchanged");
    }

    [TestMethod]
    [DataRow("0", "0")]
    [DataRow("5", "5")]
    [DataRow("9", "9")]
    [DataRow("10", "10")]
    [DataRow("42", "42")]
    [DataRow("90", "90")]
    [DataRow("99", "99")]
    [DataRow("100", "100")]
    public void ThePwmStateIsThePercentInDecimal(string payload, string state)
    {
        FakeOutput output = new FakeOutput();
        PwmActuator pwm = new PwmActuator(Pwm(0), output);
        Assert.AreEqual((int)CommandRejection.None, (int)Apply(pwm, payload), "applied");
        Assert.AreEqual(state, State(pwm), "state");
        Assert.AreEqual(state, output.Percent.ToString(), "duty written");
    }

    [TestMethod]
    public void APwmOutputStartsAtItsSafeDutyAndKeepsItOnARefusal()
    {
        FakeOutput output = new FakeOutput();
        PwmActuator pwm = new PwmActuator(Pwm(35), output);
        pwm.ApplySafeState();
        Assert.AreEqual(35, output.Percent, "safe duty");
        Assert.AreEqual((int)CommandRejection.InvalidPayload, (int)Apply(pwm, "101"), "refused");
        Assert.AreEqual(1, output.Writes, "nothing written after the safe state");
        Assert.AreEqual("35", State(pwm), "state");
    }

    [TestMethod]
    public void ActuatorsKeepTheirNameAndKind()
    {
        RelayActuator relay = new RelayActuator(Relay(false, false), new FakeOutput());
        PwmActuator pwm = new PwmActuator(Pwm(0), new FakeOutput());
        Assert.AreEqual("r", relay.Name, "relay name");
        Assert.AreEqual((int)ActuatorKind.Relay, (int)relay.Kind, "relay kind");
        Assert.AreEqual("p", pwm.Name, "pwm name");
        Assert.AreEqual((int)ActuatorKind.Pwm, (int)pwm.Kind, "pwm kind");
    }
}
