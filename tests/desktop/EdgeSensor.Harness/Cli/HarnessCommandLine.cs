using System.CommandLine;
using EdgeSensor.Harness.Commands;

namespace EdgeSensor.Harness.Cli;

/// <summary>The `edgesensor` command line: run, watch, send and settings. Passwords have no option on purpose (see <see cref="Credentials"/>).</summary>
static class HarnessCommandLine
{
    const string DefaultPrefix = "edgesensor";

    public static RootCommand Build()
    {
        var root = new RootCommand("EdgeSensor desktop harness: run simulated devices, watch devices on a broker, send them commands, change their settings.");
        root.Subcommands.Add(Run());
        root.Subcommands.Add(Watch());
        root.Subcommands.Add(Send());
        root.Subcommands.Add(Settings());
        return root;
    }

    static Command Run()
    {
        var broker = BrokerOption("Broker to use; without it a private mosquitto is started on a free 127.0.0.1 port and stopped on exit.");
        var ca = CaOption();
        var user = UserOption();
        var config = new Option<string>("--config") { Description = "Device configuration JSON (default: the sample simulated.json); its broker host/port are replaced." };
        var devices = new Option<int>("--devices") { Description = "How many simulated devices (more than 1 uses the fleet engine).", DefaultValueFactory = _ => 1 };
        var sleep = new Option<string>("--sleep") { Description = "Battery mode: wake every D (30s, 2m), report, and deep-sleep between (simulated); commands wait on the broker." };
        var command = new Command("run", "Run a simulated device and show what it publishes; Ctrl+C stops it gracefully (status offline).") { broker, ca, user, config, devices, sleep };
        command.SetAction(parse => RunCommand.Execute(new RunOptions(
            parse.GetValue(broker), parse.GetValue(ca), parse.GetValue(user), parse.GetValue(config), parse.GetValue(devices),
            parse.GetValue(sleep) == null ? null : DurationText.Parse("--sleep", parse.GetValue(sleep)))));
        return command;
    }

    static Command Watch()
    {
        var broker = BrokerOption("Broker to watch (default " + BrokerAddress.Default + ").");
        var ca = CaOption();
        var user = UserOption();
        var prefix = PrefixOption();
        var command = new Command("watch", "Show every device under <prefix>/+: status, telemetry, actuator states, last event.") { broker, ca, user, prefix };
        command.SetAction(parse => WatchCommand.Execute(parse.GetValue(broker), parse.GetValue(ca), parse.GetValue(user), parse.GetValue(prefix)));
        return command;
    }

    static Command Send()
    {
        var device = new Argument<string>("device") { Description = "Device id, e.g. sim-001." };
        var actuator = new Argument<string>("actuator") { Description = "Actuator name, e.g. relay1." };
        var value = new Argument<string>("value") { Description = "ON, OFF, TOGGLE, 1, 0 for a relay; 0..100 for a pwm output." };
        var broker = BrokerOption("Broker the device uses (default " + BrokerAddress.Default + ").");
        var ca = CaOption();
        var user = UserOption();
        var prefix = PrefixOption();
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the device's answer.", DefaultValueFactory = _ => "5s" };
        var command = new Command("send", "Send a command and wait for the device's answer: exit 0 confirmed, 2 rejected, 3 no answer.")
        {
            device, actuator, value, broker, ca, user, prefix, timeout,
        };
        command.SetAction(parse => SendCommand.Execute(new SendOptions(
            parse.GetValue(device), parse.GetValue(actuator), parse.GetValue(value), parse.GetValue(broker), parse.GetValue(ca),
            parse.GetValue(user), parse.GetValue(prefix), DurationText.Parse("--timeout", parse.GetValue(timeout)))));
        return command;
    }

    static Command Settings()
    {
        var device = new Argument<string>("device") { Description = "Device id, e.g. sim-001." };
        var set = new Option<string[]>("--set") { Description = "key=value to change, e.g. telemetry.interval_s=30, sensors.sht31.enabled=false, actuators.relay1.display_name=Pump; null removes it. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var file = new Option<string>("--file") { Description = "A settings document (JSON) to start from instead of the current desired one." };
        var broker = BrokerOption("Broker the device uses (default " + BrokerAddress.Default + ").");
        var ca = CaOption();
        var user = UserOption();
        var prefix = PrefixOption();
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the device's answer.", DefaultValueFactory = _ => "5s" };
        var command = new Command("settings", "Show a device's desired and reported settings; with --set or --file publish new ones and wait: exit 0 applied, 2 refused, 3 no answer.")
        {
            device, set, file, broker, ca, user, prefix, timeout,
        };
        command.SetAction(parse => SettingsCommand.Execute(new SettingsOptions(
            parse.GetValue(device), parse.GetValue(set) ?? System.Array.Empty<string>(), parse.GetValue(file), parse.GetValue(broker), parse.GetValue(ca),
            parse.GetValue(user), parse.GetValue(prefix), DurationText.Parse("--timeout", parse.GetValue(timeout)))));
        return command;
    }

    static Option<string> BrokerOption(string description) => new("--broker") { Description = description + " mqtt://host:port or mqtts://host:port." };

    static Option<string> CaOption() => new("--ca") { Description = "PEM file of the CA that signed the broker's certificate (mqtts://)." };

    static Option<string> UserOption() => new("--username") { Description = "MQTT user name; the password comes from " + Credentials.PasswordVariable + " or a prompt." };

    static Option<string> PrefixOption() => new("--prefix") { Description = "Topic prefix.", DefaultValueFactory = _ => DefaultPrefix };
}
