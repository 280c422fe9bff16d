using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Commands;
using EdgeSensor.Mqtt;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

/// <summary>
/// Hostile operator input (docs/reliability.md): 50,000 seeded command messages — random bytes and
/// invalid UTF-8, near-miss commands, huge payloads arriving in chunks, unknown, unicode, wildcard-like and
/// very long actuator names, retained flags, bursts past the queue — go through IMqttSessionHandler.OnMessage
/// and Tick. An independent model of the command rules says what each must do; the device must do exactly
/// that: apply it (the output and the retained state agree) or reject it with a parseable command_rejected
/// event and change nothing else. Any exception fails the test with the seed and the step.
/// </summary>
public class CommandFuzzTests
{
    const string CommandPrefix = "edgesensor/dev1/cmd/";
    const int QueueSize = 16;
    static readonly string[] Reasons = { "unknown_actuator", "invalid_payload", "payload_too_large", "invalid_utf8", "retained", "queue_full" };
    static readonly string[] Words = { "ON", "on", "On", "OFF", "off", "1", "0", "TOGGLE", "toggle", "tOgGlE", "01", "10", "100", "101", "42", "007", "-1", "4.5", "1e2", "0x10", "+5", "ONN", "OF", "true", "" };
    static readonly string[] Spaces = { "", " ", "\t", "\r\n", "  \n", "\u00A0", "\v" };
    static readonly string[] NameAtoms = { "relay1", "led", "RELAY1", "Led", "a", "/", "+", "#", "$", "\"", "\\", "\u0001", "\u001F", "\u007F", "é", "語", "😀", "\uFEFF", " ", "relay", "1" };

    /// <summary>What the device should do with one message, by the rules of docs/device-topics.md.</summary>
    sealed record Command(string Name, int Actuator, string Reason, string Payload);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Hostile_commands_are_applied_or_rejected_and_change_nothing_else(int seed)
    {
        var random = new Random(seed);
        var f = new DeviceFixture();
        f.Connect();
        f.Link.Take();
        bool relayOn = false; // safe state
        int ledPercent = 5;
        int messages = 0;
        for (int step = 0; messages < 25_000; step++)
        {
            try
            {
                var queued = new List<Command>();
                int overflow = 0;
                int burst = random.Next(12) == 0 ? random.Next(2, 2 * QueueSize) : 1;
                for (int b = 0; b < burst; b++, messages++)
                {
                    Command c = Deliver(f, random);
                    if (c == null) continue;
                    if (queued.Count == QueueSize) overflow++;
                    else queued.Add(c);
                }

                int relayWrites = f.Relay.Writes, ledWrites = f.Led.Writes;
                f.Now += random.Next(0, 3_000);
                f.Device.Tick(f.Now);

                // The model: every queued command, in order; states coalesce to the last one per actuator.
                var expected = new List<string>();
                var changed = new SortedDictionary<int, string>();
                int relayApplied = 0, ledApplied = 0;
                foreach (Command c in queued)
                {
                    string reason = c.Reason ?? Apply(c, ref relayOn, ref ledPercent);
                    if (reason != null) { expected.Add("event " + c.Name + " " + reason); continue; }
                    if (c.Actuator == 0) relayApplied++; else ledApplied++;
                    changed[c.Actuator] = c.Actuator == 0 ? (relayOn ? "ON" : "OFF") : ledPercent.ToString();
                }
                if (overflow > 0) expected.Add("event queue_full " + overflow);
                foreach (var state in changed) expected.Add("state " + (state.Key == 0 ? "relay1" : "led") + " " + state.Value);

                var actual = f.Link.Take().Where(m => !m.Topic.EndsWith("/telemetry")).Select(Describe).ToList();
                // Every rejection is one event (the list compares them all), every application one output write.
                Assert.Equal(expected, actual);
                Assert.Equal(queued.Count - relayApplied - ledApplied + (overflow > 0 ? 1 : 0), actual.Count(m => m.StartsWith("event ")));
                // Nothing but applied commands touches an output; the outputs are what the state says.
                Assert.Equal(relayWrites + relayApplied, f.Relay.Writes);
                Assert.Equal(ledWrites + ledApplied, f.Led.Writes);
                Assert.Equal(!relayOn, f.Relay.Level); // active-low
                Assert.Equal(ledPercent, f.Led.Percent);
                Assert.InRange(ledPercent, 0, 100);
            }
            catch (Exception e)
            {
                throw new Exception("command fuzz failed at seed " + seed + ", step " + step + " (message " + messages + "): " + e.Message, e);
            }
        }
    }

    /// <summary>A published message as the model writes it; events must be JSON with a known reason.</summary>
    static string Describe(Published m)
    {
        if (m.Topic == "edgesensor/dev1/event")
        {
            Assert.False(m.Retain);
            JsonElement json = m.Json;
            Assert.Equal("command_rejected", json.GetProperty("event").GetString());
            string reason = json.GetProperty("reason").GetString();
            Assert.Contains(reason, Reasons);
            return reason == "queue_full"
                ? "event queue_full " + json.GetProperty("count").GetInt32()
                : "event " + json.GetProperty("actuator").GetString() + " " + reason;
        }
        Assert.StartsWith("edgesensor/dev1/state/", m.Topic);
        Assert.True(m.Retain);
        Assert.Equal(MqttQos.AtLeastOnce, m.Qos);
        return "state " + m.Topic.Substring("edgesensor/dev1/state/".Length) + " " + m.Payload;
    }

    /// <summary>Applies a command that passed the arrival checks to the model; returns the rejection reason or null.</summary>
    static string Apply(Command c, ref bool relayOn, ref int ledPercent)
    {
        string word = c.Payload.Trim(' ', '\t', '\r', '\n');
        if (c.Actuator == 0)
        {
            string upper = word.ToUpperInvariant();
            if (word.Any(ch => ch > 127)) return "invalid_payload"; // the rules are ASCII: no Unicode case folding
            if (upper is "ON" or "1") relayOn = true;
            else if (upper is "OFF" or "0") relayOn = false;
            else if (upper == "TOGGLE") relayOn = !relayOn;
            else return "invalid_payload";
            return null;
        }
        if (word.Length == 0 || word.Length > 6 || !word.All(ch => ch >= '0' && ch <= '9')) return "invalid_payload";
        int value = int.Parse(word);
        if (value > 100) return "invalid_payload";
        ledPercent = value;
        return null;
    }

    /// <summary>Delivers one random message as the session would; returns what the model expects, or null when it is not a command.</summary>
    static Command Deliver(DeviceFixture f, Random random)
    {
        int pick = random.Next(20);
        string topic = pick == 0 ? NonCommandTopic(random) : CommandPrefix + ActuatorName(random);
        byte[] topicBytes = Encoding.UTF8.GetBytes(topic);
        byte[] payload = Payload(random, out bool validUtf8);
        bool retain = random.Next(10) == 0;
        bool chunked = payload.Length > CommandPayload.MaxLength && random.Next(2) == 0;
        int total = chunked && random.Next(3) == 0 ? payload.Length + random.Next(1, 1 << 28) : payload.Length;

        // Chunked: the first chunk is part of the payload; the rest follow and must be ignored.
        int first = chunked ? random.Next(1, payload.Length + 1) : payload.Length; // the session never sends an empty chunk
        f.Receive(topicBytes, payload, 0, first, total, retain);
        for (int position = first; chunked && position < payload.Length;)
        {
            int n = Math.Min(payload.Length - position, random.Next(1, 200));
            f.Receive(topicBytes, payload, position, n, total, retain);
            position += n;
        }

        if (!topic.StartsWith(CommandPrefix)) return null; // cmd/ with an empty name is a command for no actuator
        string name = topic.Substring(CommandPrefix.Length);
        int actuator = name == "relay1" ? 0 : name == "led" ? 1 : -1;
        string reason = retain ? "retained"
            : actuator < 0 ? "unknown_actuator"
            : total > CommandPayload.MaxLength ? "payload_too_large"
            : !validUtf8 ? "invalid_utf8"
            : null;
        return new Command(ReportedName(topicBytes), actuator, reason, validUtf8 ? Encoding.UTF8.GetString(payload) : null);
    }

    /// <summary>The event names at most 32 bytes of the actuator, cut on a character boundary.</summary>
    static string ReportedName(byte[] topic)
    {
        int length = topic.Length - CommandPrefix.Length;
        if (length > CommandPayload.MaxLength)
        {
            length = CommandPayload.MaxLength;
            while ((topic[CommandPrefix.Length + length] & 0xC0) == 0x80) length--;
        }
        return Encoding.UTF8.GetString(topic, CommandPrefix.Length, length);
    }

    static string ActuatorName(Random random)
    {
        switch (random.Next(6))
        {
            case 0: return "relay1";
            case 1: return "led";
            case 2: return string.Concat(Enumerable.Range(0, random.Next(100, 2_000)).Select(_ => NameAtoms[random.Next(NameAtoms.Length)]));
            default: return string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => NameAtoms[random.Next(NameAtoms.Length)]));
        }
    }

    static string NonCommandTopic(Random random)
    {
        string[] topics = { "edgesensor/dev1/cmd", "edgesensor/dev1/state/relay1", "edgesensor/dev2/cmd/relay1", "edgesensor/dev1/cmdx/led", "EDGESENSOR/dev1/cmd/led", "x", "edgesensor/dev1/cmd/relay1"[..^1] };
        return topics[random.Next(topics.Length)];
    }

    /// <summary>Near-miss words with spaces, random ASCII, random bytes (often invalid UTF-8), or large payloads.</summary>
    static byte[] Payload(Random random, out bool validUtf8)
    {
        byte[] bytes;
        switch (random.Next(6))
        {
            case 0:
            case 1:
            case 2:
                bytes = Encoding.UTF8.GetBytes(Spaces[random.Next(Spaces.Length)] + Words[random.Next(Words.Length)] + Spaces[random.Next(Spaces.Length)]);
                break;
            case 3:
                bytes = new byte[random.Next(0, 40)];
                random.NextBytes(bytes);
                break;
            case 4:
                bytes = Encoding.UTF8.GetBytes(new string((char)random.Next(32, 127), random.Next(1, 40)));
                break;
            default:
                bytes = new byte[random.Next(33, 5_000)];
                random.NextBytes(bytes);
                break;
        }
        validUtf8 = IsMqttUtf8(bytes);
        return bytes;
    }

    /// <summary>Well-formed UTF-8 without U+0000 [MQTT-1.5.3-1] [MQTT-1.5.3-2], judged by the BCL rather than the device's validator.</summary>
    static bool IsMqttUtf8(byte[] bytes)
    {
        try
        {
            return !new UTF8Encoding(false, true).GetString(bytes).Contains('\0');
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
