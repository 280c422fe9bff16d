using System;
using System.Collections.Generic;
using System.Linq;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EdgeSensor.Harness.View;

/// <summary>On a terminal: the board as a table redrawn twice a second, with the harness's notes above it and recent events below.</summary>
sealed class LiveTableView : IConsoleView
{
    static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(500);
    const int DeviceLogLines = 5;

    readonly DeviceBoard board;
    readonly string title;
    readonly List<string> notes = new();
    readonly Queue<string> deviceLog = new();

    public LiveTableView(DeviceBoard board, string title)
    {
        this.board = board;
        this.title = title;
    }

    public void Note(string line) => notes.Add(line);

    public void DeviceLog(string line)
    {
        lock (deviceLog)
        {
            deviceLog.Enqueue(DateTimeOffset.Now.ToString("HH:mm:ss") + " " + line);
            if (deviceLog.Count > DeviceLogLines)
            {
                deviceLog.Dequeue();
            }
        }
    }

    public void OnMessage(ObservedMessage message, DeviceTopic topic)
    {
    }

    public void ShowUntil(StopSignal stop)
    {
        AnsiConsole.Live(Render()).AutoClear(false).Start(context =>
        {
            while (!stop.Wait(RefreshEvery))
            {
                context.UpdateTarget(Render());
            }

            context.UpdateTarget(Render());
        });
    }

    IRenderable Render()
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("device", "status", "telemetry", "age", "actuators", "settings", "last event");
        DateTimeOffset now = DateTimeOffset.Now;
        foreach (DeviceRecord device in board.Snapshot())
        {
            table.AddRow(
                new Text(device.Id),
                StatusCell(device.Status),
                new Text(device.Telemetry == null ? "-" : string.Join(Environment.NewLine, TelemetryText.Values(device.Telemetry).Select(v => v.Key + " " + v.Value))),
                new Text(device.TelemetryAt == null ? "-" : ((int)(now - device.TelemetryAt.Value).TotalSeconds) + " s"),
                new Text(device.States.Count == 0 ? "-" : string.Join(Environment.NewLine, device.States.Select(s => s.Key + " " + s.Value))),
                SettingsCell(device),
                new Text(device.LastEvent ?? "-"));
        }

        var rows = new List<IRenderable>();
        rows.AddRange(notes.Select(n => new Text(n)));
        rows.Add(table);
        rows.Add(new Markup("[grey]recent events[/]"));
        rows.AddRange(board.RecentEvents().Select(e => new Text(e)));
        lock (deviceLog)
        {
            if (deviceLog.Count > 0)
            {
                rows.Add(new Markup("[grey]device log[/]"));
                rows.AddRange(deviceLog.Select(l => new Text(l)));
            }
        }

        rows.Add(new Markup("[grey]Ctrl+C to stop[/]"));
        return new Rows(rows);
    }

    static IRenderable SettingsCell(DeviceRecord device) =>
        SettingsText.Lags(device.DesiredSettings, device.DesiredSeen, device.ReportedSettings, device.ReportedSeen)
            ? new Markup("[yellow]" + Markup.Escape(device.Settings) + "[/]")
            : new Text(device.Settings);

    static IRenderable StatusCell(string status) => status switch
    {
        "online" => new Markup("[green]online[/]"),
        "offline" => new Markup("[red]OFFLINE[/]"),
        "deaf" => new Markup("[yellow]DEAF[/] (commands refused by the broker)"),
        _ when status?.StartsWith("asleep ", StringComparison.Ordinal) == true => AsleepCell(StatusReading.Of(status, DateTimeOffset.Now)),
        null => new Text("?"),
        _ => new Text(status),
    };

    /// <summary>A sleeping board is fine until its due time has passed; then it is lost, shown as loudly as offline.</summary>
    static IRenderable AsleepCell(StatusReading reading) => reading.Liveness switch
    {
        Liveness.Asleep => new Markup("[blue]asleep[/], " + Markup.Escape(reading.DueText(brief: true))),
        Liveness.Overdue => new Markup("[red]OVERDUE[/], " + Markup.Escape(reading.DueText(brief: true))),
        _ => new Text(reading.Status),
    };
}
