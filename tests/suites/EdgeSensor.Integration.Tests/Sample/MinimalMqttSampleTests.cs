using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Integration.Tests.Client;
using EdgeSensor.Integration.Tests.Interop;
using EdgeSensor.Mqtt;
using EdgeSensor.Sample.MinimalMqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Sample;

/// <summary>
/// The MQTT sample's portable code (firmware/samples/EdgeSensor.Sample.MinimalMqtt/MinimalMqttSample.cs, the file the
/// device compiles) over TCP to a private mosquitto, watched and commanded by paho-mqtt, an independent client.
/// </summary>
public sealed class MinimalMqttSampleTests
{
    [Fact]
    public void Paho_receives_the_readings_the_sample_publishes_as_decimal_text()
    {
        using var broker = PrivateBroker.StartNew();
        string prefix = TestTopics.Unique("sample");
        int[] tenths = { 215, 0, -5, -123, 1234, int.MaxValue, int.MinValue };
        using var readings = PahoScript.Subscribe(broker.Host, broker.Port, prefix + "/reading", 1, tenths.Length);
        readings.WaitFor("subscribed");
        var board = new RecordingBoard();
        MinimalMqttSample sample = StartSample(broker, prefix, board);
        try
        {
            foreach (int value in tenths)
            {
                Assert.Equal(MqttPublishResult.Accepted, sample.PublishReading(value));
            }

            List<PahoMessage> received = readings.WaitForMessages(tenths.Length);
            Assert.Equal(
                new[] { "21.5", "0.0", "-0.5", "-12.3", "123.4", "214748364.7", "-214748364.8" },
                received.Select(m => Encoding.ASCII.GetString(m.Payload)));
            Assert.All(received, m => Assert.Equal(1, m.Qos));
        }
        finally
        {
            sample.Client.Dispose();
        }
    }

    [Fact]
    public void The_sample_switches_the_led_on_a_command_from_paho_and_answers_with_the_state()
    {
        using var broker = PrivateBroker.StartNew();
        string prefix = TestTopics.Unique("sample");
        using var states = PahoScript.Subscribe(broker.Host, broker.Port, prefix + "/state/led", 1, 2);
        states.WaitFor("subscribed");
        var board = new RecordingBoard();
        MinimalMqttSample sample = StartSample(broker, prefix, board);
        try
        {
            board.WaitForLog("listening for commands on " + prefix + "/cmd/led");

            // Not a command: ignored, so the first state paho sees is the answer to ON.
            Command(broker, prefix, "BLINK");
            Command(broker, prefix, "ON");
            Assert.Equal("ON", Encoding.ASCII.GetString(states.NextMessage().Payload));
            Command(broker, prefix, "OFF");
            Assert.Equal("OFF", Encoding.ASCII.GetString(states.NextMessage().Payload));

            Assert.Equal(new[] { true, false }, board.LedSwitches());
        }
        finally
        {
            sample.Client.Dispose();
        }
    }

    static MinimalMqttSample StartSample(PrivateBroker broker, string prefix, RecordingBoard board)
    {
        var sample = new MinimalMqttSample(
            new TcpTransport(broker.Host, broker.Port), new SystemClock(), TestTopics.UniqueClientId("sample"), prefix, board);
        sample.Start();
        Assert.True(sample.Client.WaitForConnection((int)RecordingHandler.Deadline.TotalMilliseconds), "the sample did not connect");
        return sample;
    }

    static void Command(PrivateBroker broker, string prefix, string payload)
    {
        using var paho = PahoScript.Publish(broker.Host, broker.Port, prefix + "/cmd/led", 1, retain: false, Encoding.ASCII.GetBytes(payload));
        paho.WaitFor("published");
    }

    /// <summary>The sample's board on the desktop: remembers every LED switch and log line.</summary>
    sealed class RecordingBoard : ISampleBoard
    {
        readonly ConcurrentQueue<bool> switches = new ConcurrentQueue<bool>();
        readonly BlockingCollection<string> lines = new BlockingCollection<string>();
        readonly List<string> seen = new List<string>();

        public void SwitchLed(bool on) => switches.Enqueue(on);

        public void Log(string line) => lines.Add(line);

        public bool[] LedSwitches() => switches.ToArray();

        public void WaitForLog(string expected)
        {
            DateTime deadline = DateTime.UtcNow + RecordingHandler.Deadline;
            while (true)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (!lines.TryTake(out string line, left > TimeSpan.Zero ? left : TimeSpan.Zero))
                {
                    throw new TimeoutException("the sample did not log \"" + expected + "\" within " + RecordingHandler.Deadline.TotalSeconds + " s; it logged: " + string.Join(" | ", seen));
                }

                seen.Add(line);
                if (line == expected) return;
            }
        }
    }
}
