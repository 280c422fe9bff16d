using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Tests.Application;

sealed record Published(string Topic, string Payload, MqttQos Qos, bool Retain)
{
    public JsonElement Json => JsonDocument.Parse(Payload).RootElement;
}

/// <summary>An MQTT link that records what the device publishes (for the fuzzer and the allocation test; the portable cases use NanoTests/Device/Application).</summary>
sealed class RecordingLink : IMqttLink
{
    public readonly List<Published> Messages = new();
    public readonly List<string> Subscriptions = new();
    public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
    {
        Messages.Add(new Published(Encoding.UTF8.GetString(topic), Encoding.UTF8.GetString(payload, offset, count), qos, retain));
        return MqttPublishResult.Accepted;
    }

    public int Subscribe(string filter, MqttQos qos)
    {
        Subscriptions.Add(filter);
        return Subscriptions.Count - 1;
    }

    public List<Published> Take()
    {
        var taken = new List<Published>(Messages);
        Messages.Clear();
        return taken;
    }
}

sealed class FakeDht : IDhtReader
{
    public double Temperature = 21.04;
    public double Humidity = 40.06;
    public int Reads;

    public bool TryRead(out double temperatureC, out double humidityPercent)
    {
        Reads++;
        temperatureC = Temperature;
        humidityPercent = Humidity;
        return true;
    }
}

sealed class FakeOutput : IDigitalOutput, IPwmOutput
{
    public bool? Level;
    public int? Percent;
    public int Writes;

    public void Write(bool high) { Level = high; Writes++; }

    public void SetDutyPercent(int percent) { Percent = percent; Writes++; }
}

/// <summary>A device as the sample config describes it, on fakes, with a clock the test moves.</summary>
sealed class DeviceFixture
{
    public readonly DeviceConfig Config;
    public readonly FakeDht Dht = new();
    public readonly FakeOutput Relay = new();
    public readonly FakeOutput Led = new();
    public readonly RecordingLink Link = new();
    public readonly EdgeDevice Device;
    public long Now = 1_000;

    public DeviceFixture()
    {
        Config = new DeviceConfig
        {
            Id = "dev1",
            TelemetryIntervalSeconds = 10,
            FailureEventAfter = 3,
            Sensors = new[] { new SensorConfig { Kind = SensorKind.Dht22, Name = "dht22" } },
            Actuators = new[]
            {
                new ActuatorConfig { Kind = ActuatorKind.Relay, Name = "relay1", Pin = 26, ActiveLow = true },
                new ActuatorConfig { Kind = ActuatorKind.Pwm, Name = "led", Pin = 25, SafePercent = 5 },
            },
        };
        var sensors = new ISensor[] { new DhtSensor("dht22", Dht, SensorKind.Dht22) };
        var actuators = new Actuator[] { new RelayActuator(Config.Actuators[0], Relay), new PwmActuator(Config.Actuators[1], Led) };
        Device = new EdgeDevice(Config, "1.2.3", sensors, actuators);
        Device.ApplySafeStates();
        Device.Attach(Link);
    }

    public IMqttSessionHandler Handler => Device;

    public void Connect()
    {
        Handler.OnConnected(false);
        Device.Tick(Now);
    }

    /// <summary>Delivers one chunk of a message as the session would: a view that starts inside its buffer.</summary>
    public void Receive(byte[] topic, byte[] payload, int position, int count, int total, bool retain)
    {
        const int At = 3;
        var buffer = new byte[At + topic.Length + count + 5];
        topic.CopyTo(buffer, At);
        Array.Copy(payload, position, buffer, At + topic.Length, count);
        Handler.OnMessage(new MqttMessage
        {
            Buffer = buffer,
            TopicOffset = At,
            TopicLength = topic.Length,
            PayloadOffset = At + topic.Length,
            PayloadCount = count,
            PayloadPosition = position,
            PayloadTotalLength = total,
            Qos = MqttQos.AtLeastOnce,
            Retain = retain,
            SubscriptionIndex = 0,
        });
    }
}
