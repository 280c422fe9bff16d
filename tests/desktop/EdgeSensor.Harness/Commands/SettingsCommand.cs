using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using EdgeSensor.Device.Settings;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;
using EdgeSensor.Harness.View;

namespace EdgeSensor.Harness.Commands;

/// <summary>
/// `edgesensor settings`: shows a device's desired and reported settings (docs/device-topics.md) and, given --set or
/// --file, publishes the next desired document (retained) and waits for the device's answer: its reported settings at
/// that version, or the event that refused or ignored it. A refused document does not stay the desired one: the
/// previous one is put back, so a reboot does not bring the refused one back.
/// </summary>
static class SettingsCommand
{
    public static int Execute(SettingsOptions options)
    {
        SendCommand.CheckName("device", options.Device);
        TopicPrefix.Check(options.Prefix);
        BrokerAddress broker = BrokerAddress.Parse(options.Broker ?? BrokerAddress.Default);
        Credentials credentials = Credentials.For(options.UserName);
        string deviceBase = options.Prefix + "/" + options.Device;
        string desiredTopic = deviceBase + "/" + DeviceTopic.Settings + "/" + DeviceTopic.Desired;
        string reportedTopic = deviceBase + "/" + DeviceTopic.Settings + "/" + DeviceTopic.Reported;
        string eventTopic = deviceBase + "/" + DeviceTopic.Event;
        string statusTopic = deviceBase + "/" + DeviceTopic.Status;
        var outcome = new SendOutcome();
        string desired = null, reported = null, lastStatus = null;
        int awaited = 0;

        // Mistakes in the command line are told before anything is connected or published.
        foreach (string assignment in options.Set)
        {
            DesiredDocument.Set(new JsonObject(), assignment);
        }

        if (options.File != null)
        {
            DesiredDocument.Start(options.File, null);
        }

        using ObserverClient observer = ObserverClient.Open(broker, options.CaFile, credentials, "settings", message =>
        {
            int version = Volatile.Read(ref awaited);
            if (message.Topic == statusTopic)
            {
                Volatile.Write(ref lastStatus, message.Text);
            }
            else if (message.Topic == desiredTopic && message.Retain)
            {
                Volatile.Write(ref desired, message.Text);
            }
            else if (message.Topic == reportedTopic && version > 0 && !message.Retain && SettingsText.VersionOf(message.Text) == version)
            {
                outcome.Confirm(message.Text);
            }
            else if (message.Topic == reportedTopic)
            {
                Volatile.Write(ref reported, message.Text);
            }
            else if (message.Topic == eventTopic && version > 0 && RefusalOf(message.Text, version) is string reason)
            {
                outcome.Reject(reason);
            }
        }, desiredTopic, reportedTopic, eventTopic);
        observer.SubscribeAfterRetained(statusTopic);

        string current = Volatile.Read(ref desired);
        Show(options.Device, current, Volatile.Read(ref reported));
        if (options.Set.Length == 0 && options.File == null)
        {
            return ExitCodes.Ok;
        }

        JsonObject document = DesiredDocument.Start(options.File, current);
        foreach (string assignment in options.Set)
        {
            DesiredDocument.Set(document, assignment);
        }

        int next = Math.Max(SettingsText.VersionOf(current) ?? 0, SettingsText.VersionOf(Volatile.Read(ref reported)) ?? 0) + 1;
        byte[] bytes = DesiredDocument.Versioned(document, next);
        if (bytes.Length > SettingsInbox.MaxLength)
        {
            throw new UserErrorException("the document is " + bytes.Length + " bytes; a device takes at most " + SettingsInbox.MaxLength + " (docs/device-topics.md)");
        }

        Console.Out.WriteLine("publishing version " + next + ": " + Encoding.UTF8.GetString(bytes));
        Volatile.Write(ref awaited, next); // before publishing: the answer may come before PublishRetained returns
        observer.PublishRetained(desiredTopic, bytes, options.Timeout);
        if (!outcome.WaitHandle.WaitOne(options.Timeout))
        {
            Console.Out.WriteLine("timeout: no answer from " + options.Device + " within " + options.Timeout.TotalSeconds + " s; "
                + SendCommand.StatusHint(Volatile.Read(ref lastStatus), options.Device, options.Prefix)
                + "; the document stays retained on the broker: the device applies it when it connects");
            return ExitCodes.CommandTimedOut;
        }

        if (outcome.RejectionReason != null)
        {
            // The refused document must not be what the device finds after its next boot.
            observer.PublishRetained(desiredTopic, Encoding.UTF8.GetBytes(current ?? ""), options.Timeout);
            Console.Out.WriteLine("refused: " + options.Device + " refused settings version " + next + ": " + outcome.RejectionReason
                + "; " + (string.IsNullOrEmpty(current) ? "the desired settings are removed again" : "the desired settings are version " + SettingsText.VersionOf(current) + " again"));
            return ExitCodes.CommandRejected;
        }

        Console.Out.WriteLine("applied: " + options.Device + " runs settings version " + next + ": " + outcome.State);
        return ExitCodes.Ok;
    }

    static void Show(string device, string desired, string reported)
    {
        Console.Out.WriteLine(device + " settings:");
        Console.Out.WriteLine("  desired:  " + (string.IsNullOrEmpty(desired) ? "none (the compiled-in settings)" : desired));
        Console.Out.WriteLine("  reported: " + (reported ?? "none (the device never reported settings: not connected since, or firmware without them)"));
        if (reported != null && SettingsText.Lags(desired, true, reported, true))
        {
            Console.Out.WriteLine("  the reported settings lag the desired ones: the device is offline, or refused or ignored them (its events say which)");
        }
    }

    /// <summary>The reason when <paramref name="json"/> refuses the document, or ignores version <paramref name="version"/>; otherwise null.</summary>
    static string RefusalOf(string json, int version)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            string kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event", out JsonElement e) ? e.GetString() : null;
            if (kind == "settings_refused")
            {
                return root.GetProperty("field").GetString() + ": " + root.GetProperty("problem").GetString();
            }

            if (kind == "settings_ignored" && root.GetProperty("version").GetInt32() == version)
            {
                return "version " + version + " is not newer than the version it runs, " + root.GetProperty("applied").GetInt32();
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null; // not an event this document could have caused
        }
    }
}
