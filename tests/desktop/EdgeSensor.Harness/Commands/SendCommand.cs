using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;
using EdgeSensor.Harness.View;

namespace EdgeSensor.Harness.Commands;

/// <summary>
/// `edgesensor send`: publishes one command and waits for the device's answer: a live (not retained) state
/// update on <c>state/&lt;actuator&gt;</c>, or a <c>command_rejected</c> event naming the actuator.
/// </summary>
static partial class SendCommand
{
    public static int Execute(SendOptions options)
    {
        CheckName("device", options.Device);
        CheckName("actuator", options.Actuator);
        TopicPrefix.Check(options.Prefix);
        BrokerAddress broker = BrokerAddress.Parse(options.Broker ?? BrokerAddress.Default);
        Credentials credentials = Credentials.For(options.UserName);
        string deviceBase = options.Prefix + "/" + options.Device;
        string stateTopic = deviceBase + "/" + DeviceTopic.State + "/" + options.Actuator;
        string eventTopic = deviceBase + "/" + DeviceTopic.Event;
        string statusTopic = deviceBase + "/" + DeviceTopic.Status;
        var outcome = new SendOutcome();
        string lastStatus = null;
        bool sent = false;

        using ObserverClient observer = ObserverClient.Open(broker, options.CaFile, credentials, "send", message =>
        {
            if (message.Topic == statusTopic)
            {
                Volatile.Write(ref lastStatus, message.Text);
            }
            else if (!Volatile.Read(ref sent) || message.Retain)
            {
                // A retained state is the one from before this command [MQTT-3.3.1-8]: only a live update answers it.
            }
            else if (message.Topic == stateTopic)
            {
                outcome.Confirm(message.Text);
            }
            else if (message.Topic == eventTopic && RejectionOf(message.Text, options.Actuator) is string reason)
            {
                outcome.Reject(reason);
            }
        }, stateTopic, eventTopic, statusTopic);

        // Set before publishing: the answer may arrive before Publish returns.
        Volatile.Write(ref sent, true);
        observer.PublishCommand(deviceBase + "/" + DeviceTopic.Command + "/" + options.Actuator, options.Value);
        if (!outcome.WaitHandle.WaitOne(options.Timeout))
        {
            Console.Out.WriteLine("timeout: no answer from " + options.Device + " within " + options.Timeout.TotalSeconds + " s; " + StatusHint(Volatile.Read(ref lastStatus), options.Device, options.Prefix));
            return ExitCodes.CommandTimedOut;
        }

        if (outcome.RejectionReason != null)
        {
            Console.Out.WriteLine("rejected: " + options.Device + " refused " + options.Actuator + " " + options.Value + ": " + outcome.RejectionReason);
            return ExitCodes.CommandRejected;
        }

        Console.Out.WriteLine("confirmed: " + options.Device + " " + options.Actuator + " is " + outcome.State);
        return ExitCodes.Ok;
    }

    /// <summary>The reason when <paramref name="json"/> rejects a command for <paramref name="actuator"/> (or all commands, for a full queue); otherwise null.</summary>
    static string RejectionOf(string json, string actuator)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("event", out JsonElement kind) || kind.GetString() != "command_rejected")
            {
                return null;
            }

            string reason = root.TryGetProperty("reason", out JsonElement r) ? r.GetString() : "no reason given";
            if (!root.TryGetProperty("actuator", out JsonElement name))
            {
                return reason == "queue_full" ? reason : null;
            }

            return name.GetString() == actuator ? reason : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not an event this command could have caused
        }
    }

    /// <summary>Why a device may not have answered, from its retained status (null: none): also for `settings`.</summary>
    public static string StatusHint(string status, string device, string prefix) => status switch
    {
        null => "no device '" + device + "' has ever announced itself under " + prefix + "/ on this broker: check the id, --prefix and --broker (`edgesensor watch` lists the devices)",
        "offline" => device + " is offline",
        _ => device + " is " + status + " but did not answer",
    };

    public static void CheckName(string what, string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new UserErrorException("bad " + what + " name '" + name + "': names are 1 to 32 of a-z, 0-9, _ and -");
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex NamePattern();
}
