using System;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Device.Config;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Devices;
using EdgeSensor.Harness.Observer;
using EdgeSensor.Harness.View;

namespace EdgeSensor.Harness.Commands;

/// <summary>
/// `edgesensor run`: simulated device(s) against a broker (a private mosquitto unless --broker is given), shown
/// through a separate observer connection, so the view is exactly what an operator on the broker sees.
/// </summary>
static class RunCommand
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(5);

    public static int Execute(RunOptions options)
    {
        if (options.Devices < 1)
        {
            throw new UserErrorException("--devices must be 1 or more, got " + options.Devices);
        }

        DeviceConfig config = DeviceConfigFile.Load(options.ConfigPath);
        BrokerAddress given = options.Broker == null ? null : BrokerAddress.Parse(options.Broker);
        Credentials credentials = Credentials.For(options.UserName);
        using var stop = new StopSignal();
        using PrivateBroker privateBroker = given == null ? PrivateBrokerStarter.Start() : null;
        BrokerAddress broker = given ?? new BrokerAddress(privateBroker.Host, privateBroker.Port, false);
        config.Broker.Host = broker.Host;
        config.Broker.Port = broker.Port;
        config.Broker.Tls = broker.Tls;
        config.Broker.UserName = credentials.UserName;
        config.Broker.Password = credentials.Password;

        var board = new DeviceBoard(config.Prefix);
        IConsoleView view = IConsoleView.For(board, "edgesensor run: " + broker);
        using IDeviceRunner runner = CreateRunner(config, options, broker, view);
        string goodbyeTopic = config.Prefix + "/" + runner.Ids[0] + "/status";
        using var saidGoodbye = new ManualResetEventSlim();
        string filter = runner.Ids.Length == 1 ? DeviceTopic.Filter(config.Prefix, runner.Ids[0]) : config.Prefix + "/+/#";
        using ObserverClient observer = ObserverClient.Open(broker, options.CaFile, credentials, "run", message =>
        {
            DeviceTopic topic = board.Apply(message);
            if (topic != null)
            {
                view.OnMessage(message, topic);
            }

            if (message.Topic == goodbyeTopic && message.Text == "offline" && !message.Retain)
            {
                saidGoodbye.Set();
            }
        }, filter);

        view.Note("broker " + broker + (privateBroker != null ? " (private mosquitto, stopped on exit)" : ""));
        runner.Start(ConnectTimeout);
        view.Note(Describe(runner.Ids) + " online; command it, or change its settings, from another terminal with:");
        view.Note("  " + SendHint(runner.Ids[0], config, broker, options));
        view.Note("  edgesensor settings " + runner.Ids[0] + " --set telemetry.interval_s=30" + Options(config, broker, options));
        view.ShowUntil(stop);

        runner.Stop();
        // Show the goodbye the operators see before tearing the observer and broker down; a battery board says none.
        if (options.Sleep == null)
        {
            saidGoodbye.Wait(GoodbyeTimeout);
        }

        view.Note("stopped: " + Describe(runner.Ids) + (options.Sleep == null ? " offline" : " asleep for good (overdue once its due time passes)"));
        return ExitCodes.Ok;
    }

    static IDeviceRunner CreateRunner(DeviceConfig config, RunOptions options, BrokerAddress broker, IConsoleView view)
    {
        if (options.Sleep != null)
        {
            if (broker.Tls || options.Sleep.Value < TimeSpan.FromSeconds(1))
            {
                throw new UserErrorException("--sleep runs over plain MQTT (an mqtt:// broker) and takes 1s or more (whole seconds), got " + broker + " and " + options.Sleep.Value.TotalSeconds + " s");
            }

            return new BatteryRunner(() => CopyWithBroker(config, options.ConfigPath), options.Devices, options.Sleep.Value, broker.ToString());
        }

        if (options.Devices == 1)
        {
            return new SingleDeviceRunner(config, BrokerTransports.Create(broker, options.CaFile, config.Broker.CaCertificate), broker.ToString(), view.DeviceLog);
        }

        if (broker.Tls)
        {
            throw new UserErrorException("--devices N > 1 runs over plain MQTT only: use an mqtt:// broker");
        }

        return new FleetRunner(config, options.Devices, broker.Host, broker.Port, broker.ToString());
    }

    static DeviceConfig CopyWithBroker(DeviceConfig config, string path)
    {
        DeviceConfig copy = DeviceConfigFile.Load(path);
        copy.Id = config.Id;
        copy.Broker = config.Broker;
        return copy;
    }

    static string Describe(string[] ids) => ids.Length == 1 ? ids[0] : ids.Length + " devices (" + ids[0] + " ...)";

    static string SendHint(string id, DeviceConfig config, BrokerAddress broker, RunOptions options)
    {
        string actuator = config.Actuators.Length > 0 ? config.Actuators[0].Name : "relay1";
        string value = config.Actuators.Length > 0 && config.Actuators[0].Kind == ActuatorKind.Pwm ? "50" : "ON";
        return "edgesensor send " + id + " " + actuator + " " + value + Options(config, broker, options);
    }

    /// <summary>The options another `edgesensor` command needs to reach the same devices.</summary>
    static string Options(DeviceConfig config, BrokerAddress broker, RunOptions options)
    {
        return " --broker " + broker
            + (config.Prefix != "edgesensor" ? " --prefix " + config.Prefix : "")
            + (options.CaFile != null ? " --ca " + options.CaFile : "")
            + (options.UserName != null ? " --username " + options.UserName : "");
    }
}
