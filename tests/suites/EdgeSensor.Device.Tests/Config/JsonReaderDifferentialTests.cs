using System;
using System.Collections.Generic;
using System.Text;
using EdgeSensor.Device.Json;
using Xunit;
using StjOptions = System.Text.Json.JsonReaderOptions;
using StjReader = System.Text.Json.Utf8JsonReader;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>
/// System.Text.Json's reader, strict by default (no comments, no trailing commas), as an independent oracle:
/// on documents built from ASCII pieces, where both read RFC 8259 the same way, they must accept the same
/// documents and produce the same tokens. (They differ on purpose elsewhere: System.Text.Json reads a lone
/// surrogate escape and fails only when the string is decoded; this reader refuses it at once.)
/// </summary>
public class JsonReaderDifferentialTests
{
    static readonly string[] Pieces =
    {
        "{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "\"\\u00e9\\n\\\"\"", "\"\\uD83D\\uDE00\"", "\"\\x\"", "\"\"",
        "1", "-0", "0.5e-3", "12E+2", "01", "1.", "-", "true", "false", "null", "nul", " ", "\t", "\n", "x", "/", "\"",
    };

    [Fact]
    public void Agrees_with_System_Text_Json_on_random_piece_sequences()
    {
        var random = new Random(8259);
        for (int index = 0; index < 4000; index++)
        {
            var text = new StringBuilder();
            int count = random.Next(1, 16);
            for (int piece = 0; piece < count; piece++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            AssertAgree(text.ToString());
        }
    }

    [Fact]
    public void Agrees_with_System_Text_Json_on_random_documents_and_their_one_piece_mutations()
    {
        var random = new Random(20260);
        int valid = 0;
        for (int index = 0; index < 4000; index++)
        {
            var pieces = new List<string>();
            AppendValue(pieces, random, random.Next(1, 40));
            if (index % 2 == 1)
            {
                Mutate(pieces, random);
            }

            string json = string.Concat(pieces);
            valid += AssertAgree(json) ? 1 : 0;
        }

        // Both halves are exercised: the unmutated documents are all valid, most mutants are not.
        Assert.InRange(valid, 2000, 3800);
    }

    [Fact]
    public void Agrees_with_System_Text_Json_at_the_depth_limit()
    {
        for (int depth = 30; depth <= 34; depth++)
        {
            AssertAgree(new string('[', depth) + new string(']', depth));
        }
    }

    /// <summary>True when both accepted the document (with the same tokens); fails when they disagree.</summary>
    static bool AssertAgree(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        List<string> ours = null;
        string ourError = null;
        try
        {
            ours = JsonTokens.Read(bytes);
        }
        catch (JsonReaderException error)
        {
            ourError = error.Message;
        }

        List<string> theirs = null;
        string theirError = null;
        try
        {
            theirs = ReadWithSystemTextJson(bytes);
        }
        catch (System.Text.Json.JsonException error)
        {
            theirError = error.Message;
        }

        Assert.True(
            (ourError == null) == (theirError == null),
            "disagree on " + json + "\nours: " + (ourError ?? "accepted") + "\ntheirs: " + (theirError ?? "accepted"));
        if (ours != null)
        {
            Assert.Equal(theirs, ours);
        }

        return ours != null;
    }

    static List<string> ReadWithSystemTextJson(byte[] json)
    {
        var reader = new StjReader(json, new StjOptions { MaxDepth = JsonReader.MaxDepth });
        var tokens = new List<string>();
        while (reader.Read())
        {
            string type = reader.TokenType.ToString();
            tokens.Add(reader.TokenType switch
            {
                System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.PropertyName => type + ":" + reader.GetString(),
                System.Text.Json.JsonTokenType.Number => type + ":" + Encoding.UTF8.GetString(reader.ValueSpan),
                _ => type,
            });
        }

        return tokens;
    }

    static void AppendValue(List<string> pieces, Random random, int budget)
    {
        int kind = budget <= 1 ? random.Next(4) : random.Next(6);
        switch (kind)
        {
            case 0:
                pieces.Add(new[] { "0", "-1", "3.25", "1e3", "-0.5E-2", "2147483648" }[random.Next(6)]);
                break;
            case 1:
                pieces.Add(new[] { "\"\"", "\"a b\"", "\"\\t\\u0041\"", "\"\\uD83D\\uDE00\"", "\"\\\\\\/\"" }[random.Next(5)]);
                break;
            case 2:
                pieces.Add(new[] { "true", "false", "null" }[random.Next(3)]);
                break;
            case 3:
                pieces.Add(random.Next(2) == 0 ? "[]" : "{}");
                break;
            case 4:
                pieces.Add("[");
                for (int element = random.Next(1, 4); element > 0; element--)
                {
                    AppendValue(pieces, random, budget / 3);
                    pieces.Add(element > 1 ? "," : " ");
                }

                pieces.Add("]");
                break;
            default:
                pieces.Add("{");
                for (int member = random.Next(1, 4); member > 0; member--)
                {
                    pieces.Add("\"k" + member + "\"");
                    pieces.Add(":");
                    AppendValue(pieces, random, budget / 3);
                    pieces.Add(member > 1 ? "," : "\n");
                }

                pieces.Add("}");
                break;
        }
    }

    static void Mutate(List<string> pieces, Random random)
    {
        int at = random.Next(pieces.Count);
        switch (random.Next(3))
        {
            case 0:
                pieces.RemoveAt(at);
                break;
            case 1:
                pieces.Insert(at, Pieces[random.Next(Pieces.Length)]);
                break;
            default:
                pieces[at] = Pieces[random.Next(Pieces.Length)];
                break;
        }
    }
}
