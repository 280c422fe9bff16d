using System;
using EdgeSensor.Device;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// A device as the sample config describes it (id dev1, a DHT22 "dht22", an active-low relay "relay1" and a PWM
/// "led" with safe duty 5), on fakes, attached to a <see cref="RecordingLink"/>, with a clock the test moves.
/// </summary>
public sealed class DeviceFixture
{
    public const string Base = "edgesensor/dev1";
    public const string Firmware = "1.2.3";

    public readonly DeviceConfig Config;
    public readonly FakeDht Dht = new FakeDht();
    public readonly FakeOutput Relay = new FakeOutput();
    public readonly FakeOutput Led = new FakeOutput();
    public readonly RecordingLink Link = new RecordingLink();
    public readonly EdgeDevice Device;
    public long Now = 1000;

    public DeviceFixture() : this(SampleConfig(), null)
    {
    }

    public DeviceFixture(DeviceConfig config) : this(config, null)
    {
    }

    /// <summary>With <paramref name="sensors"/> instead of the DHT22 when not null.</summary>
    public DeviceFixture(DeviceConfig config, ISensor[] sensors)
    {
        Config = config;
        if (sensors == null) sensors = new ISensor[] { new DhtSensor("dht22", Dht, SensorKind.Dht22) };
        Actuator[] actuators = new Actuator[] { new RelayActuator(config.Actuators[0], Relay), new PwmActuator(config.Actuators[1], Led) };
        Device = new EdgeDevice(config, Firmware, sensors, actuators);
        Device.ApplySafeStates();
        Device.Attach(Link);
    }

    public static DeviceConfig SampleConfig()
    {
        DeviceConfig config = new DeviceConfig();
        config.Id = "dev1";
        config.TelemetryIntervalSeconds = 10;
        config.FailureEventAfter = 3;
        SensorConfig dht = new SensorConfig();
        dht.Kind = SensorKind.Dht22;
        dht.Name = "dht22";
        config.Sensors = new SensorConfig[] { dht };
        ActuatorConfig relay = new ActuatorConfig();
        relay.Kind = ActuatorKind.Relay;
        relay.Name = "relay1";
        relay.Pin = 26;
        relay.ActiveLow = true;
        ActuatorConfig led = new ActuatorConfig();
        led.Kind = ActuatorKind.Pwm;
        led.Name = "led";
        led.Pin = 25;
        led.SafePercent = 5;
        config.Actuators = new ActuatorConfig[] { relay, led };
        return config;
    }

    /// <summary>A sample device, connected, its announcements and first telemetry taken off the recording.</summary>
    public static DeviceFixture Connected()
    {
        DeviceFixture f = new DeviceFixture();
        f.Connect();
        f.Link.Clear();
        return f;
    }

    /// <summary>The session reports a connection, and the loop runs once.</summary>
    public void Connect()
    {
        Device.OnConnected(false);
        Device.Tick(Now);
    }

    /// <summary>Moves the clock and runs the loop once; returns what Tick returns.</summary>
    public long Advance(long ms)
    {
        Now += ms;
        return Device.Tick(Now);
    }

    public long Tick()
    {
        return Device.Tick(Now);
    }

    public void Receive(string topic, string payload)
    {
        Receive(Ascii.Bytes(topic), Ascii.Bytes(payload), false);
    }

    public void Receive(string topic, byte[] payload, bool retain)
    {
        Receive(Ascii.Bytes(topic), payload, retain);
    }

    /// <summary>Delivers a whole message as the MQTT client would: a view into a larger buffer, at an offset.</summary>
    public void Receive(byte[] topic, byte[] payload, bool retain)
    {
        ReceiveChunk(topic, payload, 0, payload.Length, retain);
    }

    /// <summary>
    /// Delivers one chunk of a message whose payload is <paramref name="totalLength"/> bytes: <paramref name="chunk"/>
    /// holds the bytes from <paramref name="position"/> on, as a session with a small receive buffer hands them over.
    /// </summary>
    public void ReceiveChunk(byte[] topic, byte[] chunk, int position, int totalLength, bool retain)
    {
        byte[] buffer = new byte[7 + topic.Length + chunk.Length + 5];
        for (int i = 0; i < buffer.Length; i++) buffer[i] = 0xEE; // bytes around the view that must not be read
        Array.Copy(topic, 0, buffer, 7, topic.Length);
        Array.Copy(chunk, 0, buffer, 7 + topic.Length, chunk.Length);
        MqttMessage message = new MqttMessage();
        message.Buffer = buffer;
        message.TopicOffset = 7;
        message.TopicLength = topic.Length;
        message.PayloadOffset = 7 + topic.Length;
        message.PayloadCount = chunk.Length;
        message.PayloadPosition = position;
        message.PayloadTotalLength = totalLength;
        message.Qos = MqttQos.AtLeastOnce;
        message.Retain = retain;
        message.SubscriptionIndex = 0;
        Device.OnMessage(message);
    }
}
