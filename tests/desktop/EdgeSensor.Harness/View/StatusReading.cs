using System;
using System.Globalization;

namespace EdgeSensor.Harness.View;

/// <summary>What a device's status says of it at a given moment.</summary>
enum Liveness
{
    /// <summary>No status seen yet.</summary>
    Unknown,
    Online,
    Offline,

    /// <summary>A battery board between reports: <c>asleep T</c> with T still ahead.</summary>
    Asleep,

    /// <summary>A battery board whose <c>asleep T</c> has passed with no new status: lost (battery flat, out of range, crashed asleep).</summary>
    Overdue,

    /// <summary>Anything else (<c>deaf</c>, a malformed <c>asleep</c>): shown as it is.</summary>
    Other,
}

/// <summary>
/// A status payload (docs/device-topics.md) read at <paramref name="Now"/>. <c>asleep T</c> (docs/battery.md) promises the
/// next report by T, in Unix seconds; a board that dies asleep cannot fire its will, so it is only by comparing T with
/// the time that an observer tells asleep from lost. The time is a parameter, so the reading is a pure function.
/// </summary>
sealed record StatusReading(Liveness Liveness, string Status, DateTimeOffset? Due, DateTimeOffset Now)
{
    const string AsleepPrefix = "asleep ";

    public static StatusReading Of(string status, DateTimeOffset now)
    {
        if (status == null)
        {
            return new StatusReading(Liveness.Unknown, null, null, now);
        }

        if (status.StartsWith(AsleepPrefix, StringComparison.Ordinal)
            && long.TryParse(status.AsSpan(AsleepPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long due)
            && due <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            // T is whole seconds, truncated by the board (the due time of a wake that began at 12.9 s is written from 12 s):
            // it has passed once the clock's whole seconds are beyond it, not a fraction of a second earlier.
            Liveness liveness = now.ToUnixTimeSeconds() > due ? Liveness.Overdue : Liveness.Asleep;
            return new StatusReading(liveness, status, DateTimeOffset.FromUnixTimeSeconds(due), now);
        }

        Liveness kind = status switch
        {
            "online" => Liveness.Online,
            "offline" => Liveness.Offline,
            _ => Liveness.Other,
        };
        return new StatusReading(kind, status, null, now);
    }

    /// <summary>
    /// For a person: <c>asleep, next report due by 2026-12-05 21:44:59 UTC (in 42 s)</c>, <c>OVERDUE: asleep, next
    /// report was due by ... (3 min ago)</c>, any other status as it is, <c>?</c> before the first.
    /// </summary>
    public string Describe() => Liveness switch
    {
        Liveness.Unknown => "?",
        Liveness.Asleep => "asleep, " + DueText(),
        Liveness.Overdue => "OVERDUE: asleep, " + DueText(),
        _ => Status,
    };

    /// <summary>
    /// When the next report is due and how far that is from now, without the status word: with the date for a line that
    /// stays in a log, the time of day alone when <paramref name="brief"/> (a live table, where "in 2 h" tells the day).
    /// </summary>
    public string DueText(bool brief = false)
    {
        TimeSpan left = Due.Value - Now;
        string when = Due.Value.UtcDateTime.ToString(brief ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        if (Liveness == Liveness.Asleep)
        {
            return (brief ? "due " : "next report due by ") + when + " (in " + Span(left > TimeSpan.Zero ? left : TimeSpan.Zero) + ")";
        }

        return (brief ? "was due " : "next report was due by ") + when + " (" + Span(-left) + " ago)";
    }

    /// <summary>Whole seconds up to 99 s, then whole minutes up to 99 min, then hours: as precise as a glance needs.</summary>
    static string Span(TimeSpan span)
    {
        long seconds = (long)span.TotalSeconds;
        if (seconds < 100)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        return seconds < 100 * 60
            ? (seconds / 60).ToString(CultureInfo.InvariantCulture) + " min"
            : (seconds / 3600).ToString(CultureInfo.InvariantCulture) + " h";
    }
}
