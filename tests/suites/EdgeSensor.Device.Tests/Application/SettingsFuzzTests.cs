using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeSensor.Device.Settings;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

/// <summary>
/// Hostile desired settings documents (docs/reliability.md): 20,000 seeded documents — mutated valid ones, settings-shaped
/// token soups, random bytes, huge ones in chunks, deep nesting, wrong types, unknown and remote-forbidden members,
/// U+0000 — go through IMqttSessionHandler.OnMessage and Tick. Each must end in exactly one outcome: applied (the
/// reported document says the new version, and it is valid JSON that would be accepted again), refused (one
/// settings_refused event naming a field, nothing else published, the version unchanged), ignored (one settings_ignored
/// event for a version not newer), or nothing for the same document again. Any exception fails the test with the seed
/// and the step; telemetry keeps flowing throughout.
/// </summary>
public partial class SettingsFuzzTests
{
    static readonly byte[] Desired = Encoding.UTF8.GetBytes("edgesensor/dev1/settings/desired");

    static readonly string[] Corpus =
    {
        "{\"version\":1,\"telemetry\":{\"interval_s\":30,\"qos\":0,\"min_interval_s\":5},\"homeassistant\":{\"discovery\":true}}",
        "{\"version\":2,\"sensors\":[{\"name\":\"dht22\",\"enabled\":false,\"change\":0.5}]}",
        "{\"version\":3,\"actuators\":[{\"name\":\"relay1\",\"display_name\":\"Pump \\u00e9\",\"safe_state\":\"on\"},{\"name\":\"led\",\"safe_state\":40}]}",
        "{\"telemetry\":{\"interval_s\":1},\"version\":4}",
    };

    static readonly string[] Fragments =
    {
        "{", "}", "[", "]", ",", ":", " ", "\"", "\\", "null", "true", "false", "0", "-1", "1", "7", "1.5", "0.25", "1e3", "86401", "2147483648",
        "\"version\"", "\"telemetry\"", "\"interval_s\"", "\"qos\"", "\"min_interval_s\"", "\"homeassistant\"", "\"discovery\"", "\"sensors\"",
        "\"actuators\"", "\"name\"", "\"dht22\"", "\"relay1\"", "\"led\"", "\"enabled\"", "\"change\"", "\"display_name\"", "\"safe_state\"",
        "\"on\"", "\"off\"", "\"broker\"", "\"wifi\"", "\"password\"", "\"pin\"", "\"kind\"", "\"id\"", "\"\\u0000\"", "\"\\uD800\"", "\"x\"",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Hostile_documents_are_applied_refused_or_ignored_and_never_break_the_device(int seed)
    {
        var random = new Random(seed);
        var f = new DeviceFixture();
        f.Connect();
        f.Link.Take();
        int applied = 0;
        byte[] previous = null;
        byte[] kept = null; // the document whose settings run
        var outcomes = new int[4];
        for (int step = 0; step < 10_000; step++)
        {
            byte[] document = Generate(random, step);
            try
            {
                Deliver(f, random, document);
                f.Now += random.Next(0, 2_000);
                f.Device.Tick(f.Now);
                List<Published> published = f.Link.Take().Where(m => !m.Topic.EndsWith("/telemetry") && !m.Topic.Contains("/state/")).ToList();
                int outcome = Judge(published, document, previous, kept, ref applied, f.Device.SettingsVersion);
                outcomes[outcome]++;
                if (outcome == 3 || (outcome == 0 && document.Length == 0 && applied == 0)) kept = document;
                previous = document;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException("seed " + seed + ", step " + step + ", document " + Convert.ToHexString(document.Take(200).ToArray()), e);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new InvalidOperationException("seed " + seed + ", step " + step + ": " + Encoding.UTF8.GetString(document.Take(300).ToArray()), e);
            }
        }

        // Every outcome is exercised in earnest with these seeds.
        Assert.All(outcomes, count => Assert.True(count > 20, string.Join(", ", outcomes)));
        f.Now += 86_400_000; // the longest interval
        f.Device.Tick(f.Now);
        Assert.Contains(f.Link.Take(), m => m.Topic.EndsWith("/telemetry"));
    }

    /// <summary>
    /// 0 nothing (the last document again, or the one running), 1 refused, 2 ignored, 3 applied; asserts the outcome is whole.
    /// </summary>
    static int Judge(List<Published> published, byte[] document, byte[] previous, byte[] kept, ref int applied, int version)
    {
        bool strictJson = IsJson(document);
        if (published.Count == 0)
        {
            bool again = (previous != null && document.AsSpan().SequenceEqual(previous)) || (kept != null && document.AsSpan().SequenceEqual(kept));
            Assert.True(again || (document.Length == 0 && applied == 0), "no answer");
            return 0;
        }

        Published first = published[0];
        if (first.Topic.EndsWith("/event"))
        {
            Assert.Single(published);
            JsonElement e = first.Json;
            Assert.Equal(applied, version);
            if (e.GetProperty("event").GetString() == "settings_refused")
            {
                Assert.False(string.IsNullOrEmpty(e.GetProperty("field").GetString()));
                Assert.False(string.IsNullOrEmpty(e.GetProperty("problem").GetString()));
                return 1;
            }

            Assert.Equal("settings_ignored", e.GetProperty("event").GetString());
            Assert.True(strictJson, "a document that is not JSON is refused, not ignored");
            Assert.True(e.GetProperty("version").GetInt32() <= applied);
            Assert.Equal(applied, e.GetProperty("applied").GetInt32());
            return 2;
        }

        Assert.True(strictJson || document.Length == 0, "only JSON (or an empty document) is applied");
        Published reported = published.Single(m => m.Topic.EndsWith("/settings/reported"));
        Assert.True(reported.Retain);
        int reportedVersion = reported.Json.GetProperty("version").GetInt32();
        Assert.Equal(version, reportedVersion);
        Assert.True(document.Length == 0 ? reportedVersion == 0 : reportedVersion > applied, "a newer version, or the compiled-in 0");
        Assert.DoesNotContain(published, m => m.Topic.EndsWith("/event"));
        applied = reportedVersion;
        return 3;
    }

    static bool IsJson(byte[] document)
    {
        try
        {
            using JsonDocument parsed = JsonDocument.Parse(document, new JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The document in random chunks, as a session with a small receive buffer hands it over.</summary>
    static void Deliver(DeviceFixture f, Random random, byte[] document)
    {
        int position = 0;
        do
        {
            int count = Math.Min(document.Length - position, random.Next(1, 1_500));
            f.Receive(Desired, document, position, count, document.Length, random.Next(2) == 0);
            position += count;
        }
        while (position < document.Length);
    }

    static byte[] Generate(Random random, int step)
    {
        // Versions mostly rise with the steps, sometimes not: older, equal and out-of-range ones come too.
        int version = random.Next(12) == 0 ? random.Next(-1, 3) : (step / 4) + random.Next(-2, 3);
        string valid = VersionMember().Replace(Corpus[random.Next(Corpus.Length)], "\"version\":" + version);
        switch (random.Next(10))
        {
            case 0:
                return Encoding.UTF8.GetBytes(valid); // applied, or ignored for an old version
            case 1:
                return Mutate(Encoding.UTF8.GetBytes(valid), random);
            case 2:
                var soup = new StringBuilder("{");
                for (int count = random.Next(1, 30); count > 0; count--) soup.Append(Fragments[random.Next(Fragments.Length)]);
                return Encoding.UTF8.GetBytes(soup.ToString());
            case 3:
                byte[] bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                return bytes;
            case 4:
                // Huge: past the limit, or just inside it with padding the reader must walk through.
                int size = random.Next(2) == 0 ? random.Next(SettingsInbox.MaxLength + 1, 20_000) : SettingsInbox.MaxLength;
                string padded = valid.Insert(1, new string(' ', Math.Max(0, size - valid.Length)));
                return Encoding.UTF8.GetBytes(padded);
            case 5:
                int depth = random.Next(1, 2_000);
                return Encoding.UTF8.GetBytes("{\"version\":" + (step + 10) + ",\"telemetry\":" + new string('[', depth) + new string(']', depth) + "}");
            case 6:
                string[] wrong = { "\"10\"", "null", "true", "[]", "{}", "1.5", "-3", "1e9" };
                string member = new[] { "interval_s", "qos", "min_interval_s" }[random.Next(3)];
                return Encoding.UTF8.GetBytes("{\"version\":" + (step + 10) + ",\"telemetry\":{\"" + member + "\":" + wrong[random.Next(wrong.Length)] + "}}");
            case 7:
                string[] forbidden = { "\"broker\":{\"host\":\"evil\"}", "\"wifi\":{\"ssid\":\"x\",\"password\":\"secret123\"}", "\"id\":\"other\"", "\"unknown\":1", "\"sensors\":[{\"name\":\"dht22\",\"pin_echo\":5}]" };
                return Encoding.UTF8.GetBytes("{\"version\":" + (step + 10) + "," + forbidden[random.Next(forbidden.Length)] + "}");
            case 8:
                string[] nul = { "\"display_name\":\"a\\u0000b\"", "\"name\":\"relay1\\u0000\"", "\"na\\u0000me\":\"relay1\"" };
                return Encoding.UTF8.GetBytes("{\"version\":" + (step + 10) + ",\"actuators\":[{\"name\":\"relay1\"," + nul[random.Next(nul.Length)] + "}]}");
            default:
                return random.Next(4) == 0 ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(valid);
        }
    }

    [GeneratedRegex("\"version\":[0-9]+")]
    private static partial Regex VersionMember();

    static byte[] Mutate(byte[] document, Random random)
    {
        var bytes = new List<byte>(document);
        for (int mutation = random.Next(1, 4); mutation > 0 && bytes.Count > 0; mutation--)
        {
            int at = random.Next(bytes.Count);
            byte[] interesting = { (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'0', (byte)'-', 0x00, 0x1F, 0x80, 0xC0, 0xFF };
            switch (random.Next(3))
            {
                case 0: bytes[at] = interesting[random.Next(interesting.Length)]; break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes.Insert(at, interesting[random.Next(interesting.Length)]); break;
            }
        }
        return bytes.ToArray();
    }
}
