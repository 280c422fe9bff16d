using System;
using System.Text;
using System.Threading;
using EdgeSensor.Device.Config;
using Xunit;
using static EdgeSensor.Device.Tests.Config.ConfigDocuments;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>
/// 20,000 seeded cases (mutated documents, configuration-shaped token soups, random bytes): each ends in a
/// DeviceConfig that satisfies <see cref="ConfigInvariants"/> or in a ConfigException; never in another
/// exception, and never in a hang. A failure names the case and its bytes, so it can be replayed.
/// </summary>
public class DeviceConfigFuzzTests
{
    const int Seed = 20_260_404;
    static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    static readonly string[] Fragments =
    {
        "{", "}", "[", "]", ",", ":", " ", "\"", "\\", "null", "true", "false", "0", "-1", "26", "34", "6", "1e99", "0.5",
        "65536", "\"0x44\"", "\"0x50\"", "\"\\u0000\"", "\"\\uD800\"", "\"on\"", "\"ON\"", "\"pin\"", "\"name\"", "\"kind\"",
        "\"relay\"", "\"pwm\"", "\"dht22\"", "\"sht3x\"", "\"bme280\"", "\"address\"", "\"bus\"", "\"sensors\"", "\"actuators\"",
        "\"i2c\"", "\"broker\"", "\"password\"", "\"username\"", "\"tls\"", "\"prefix\"", "\"a/+\"", "\"safe_state\"",
        "\"pin_echo\"", "\"pin_trigger\"", "\"sda\"", "\"scl\"", "\"id\"", "\"x\"",
    };

    static readonly byte[] Interesting = { (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'0', (byte)'9', (byte)'-', (byte)'e', (byte)' ', 0x00, 0x1F, 0x7F, 0x80, 0xC0, 0xED, 0xF4, 0xFF };

    [Fact]
    public void Mutated_documents_parse_or_fail_with_a_ConfigException()
    {
        byte[][] corpus = { Sample(DevKitC), Sample(Simulated), Encoding.UTF8.GetBytes(EdgeSensor.NanoTests.Config.ConfigExamples.IssueExample) };
        int accepted = RunCases(14_000, random =>
        {
            byte[] document = corpus[random.Next(corpus.Length)];
            for (int mutation = random.Next(1, 4); mutation > 0; mutation--)
            {
                document = Mutate(document, random);
            }

            return document;
        });

        // Most mutants are refused (the format is strict); enough still parse (536 with this seed) for the
        // invariants to be checked in earnest.
        Assert.True(accepted > 250, accepted + " accepted");
    }

    [Fact]
    public void Configuration_shaped_token_soups_parse_or_fail_with_a_ConfigException()
    {
        _ = RunCases(3_000, random =>
        {
            var text = new StringBuilder("{");
            for (int count = random.Next(1, 40); count > 0; count--)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        });
    }

    [Fact]
    public void Random_bytes_fail_with_a_ConfigException()
    {
        _ = RunCases(3_000, random =>
        {
            byte[] document = new byte[random.Next(0, 200)];
            random.NextBytes(document);
            return document;
        });
    }

    /// <summary>Runs the cases on a thread of its own, so that a hang fails the test instead of stalling the run.</summary>
    static int RunCases(int count, Func<Random, byte[]> generate)
    {
        Exception failure = null;
        int accepted = 0;
        var worker = new Thread(() =>
        {
            var random = new Random(Seed + count);
            for (int index = 0; index < count && failure == null; index++)
            {
                byte[] document = generate(random);
                try
                {
                    ConfigInvariants.Check(Parse(document));
                    accepted++;
                }
                catch (ConfigException error)
                {
                    if (string.IsNullOrEmpty(error.Problem) || error.Path == null || error.Position < -1 || error.Position > document.Length)
                    {
                        failure = new Exception(Describe(index, document) + ": malformed ConfigException " + error.Message);
                    }
                }
                catch (Exception error)
                {
                    failure = new Exception(Describe(index, document), error);
                }
            }
        }, 16 * 1024 * 1024);

        worker.Start();
        Assert.True(worker.Join(Deadline), "the cases did not finish within " + Deadline);
        if (failure != null)
        {
            throw failure;
        }

        return accepted;
    }

    static string Describe(int index, byte[] document)
    {
        return "case " + index + " (seed " + Seed + "), document base64 " + Convert.ToBase64String(document);
    }

    static byte[] Mutate(byte[] document, Random random)
    {
        int at = document.Length == 0 ? 0 : random.Next(document.Length);
        switch (random.Next(10))
        {
            case 7:
            case 8:
            case 9:
                return ReplaceValue(document, random);
            case 0:
                // Flip one bit.
                if (document.Length > 0)
                {
                    document = (byte[])document.Clone();
                    document[at] ^= (byte)(1 << random.Next(8));
                }

                return document;
            case 1:
                // Overwrite a byte with one that matters to the grammar or to UTF-8.
                if (document.Length > 0)
                {
                    document = (byte[])document.Clone();
                    document[at] = Interesting[random.Next(Interesting.Length)];
                }

                return document;
            case 2:
                return Splice(document, at, 0, new[] { Interesting[random.Next(Interesting.Length)] });
            case 3:
                return Splice(document, at, Math.Min(random.Next(1, 12), document.Length - at), Array.Empty<byte>());
            case 4:
                return document[..at];
            case 5:
                // Copy a stretch elsewhere: duplicate members, nested structures.
                int length = Math.Min(random.Next(1, 40), document.Length - at);
                return Splice(document, random.Next(document.Length + 1), 0, document[at..(at + length)]);
            default:
                return Splice(document, at, 0, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
        }
    }

    /// <summary>
    /// Swaps one number or string for another value near a rule's edge, leaving the JSON well-formed: such
    /// mutants often parse, so the invariants get checked on many valid-but-unusual configurations.
    /// </summary>
    static byte[] ReplaceValue(byte[] document, Random random)
    {
        string text = Encoding.UTF8.GetString(document);
        var values = System.Text.RegularExpressions.Regex.Matches(text, ":\\s*(-?[0-9]+|\"[^\"\\\\]*\")");
        if (values.Count == 0)
        {
            return document;
        }

        System.Text.RegularExpressions.Group value = values[random.Next(values.Count)].Groups[1];
        string replacement = EdgeValues[random.Next(EdgeValues.Length)];
        return Encoding.UTF8.GetBytes(text[..value.Index] + replacement + text[(value.Index + value.Length)..]);
    }

    static readonly string[] EdgeValues =
    {
        "-1", "0", "1", "2", "3", "4", "5", "6", "11", "12", "21", "22", "23", "24", "25", "26", "27", "33", "34", "39", "40",
        "68", "69", "118", "119", "100", "101", "40000", "40001", "65535", "65536", "86400", "86401", "1.5",
        "\"on\"", "\"off\"", "\"0x44\"", "\"0x45\"", "\"0x76\"", "\"0x77\"", "\"0x50\"", "\"dht22\"", "\"dht11\"", "\"sht3x\"",
        "\"bme280\"", "\"relay\"", "\"pwm\"", "\"a\"", "\"led\"", "\"relay1\"", "\"a/b\"", "\"a/\"", "\"$a\"", "\"\"", "\"A\"", "\"x y\"",
    };

    static byte[] Splice(byte[] document, int at, int remove, byte[] insert)
    {
        byte[] result = new byte[document.Length - remove + insert.Length];
        Array.Copy(document, result, at);
        Array.Copy(insert, 0, result, at, insert.Length);
        Array.Copy(document, at + remove, result, at + insert.Length, document.Length - at - remove);
        return result;
    }
}
