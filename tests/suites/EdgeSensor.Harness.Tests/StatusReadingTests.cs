using System;
using EdgeSensor.Harness.View;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// What `watch` makes of a status at a given time (docs/battery.md): asleep until T, overdue once T has passed with no
/// new status, online and offline whatever the time. Times are explicit: no clock, no sleeps.
/// </summary>
public sealed class StatusReadingTests
{
    const long T = 1796507099; // 2026-12-05 21:44:59 UTC
    static readonly DateTimeOffset Due = DateTimeOffset.FromUnixTimeSeconds(T);

    [Fact]
    public void Before_T_a_sleeping_board_is_asleep_with_its_due_time()
    {
        StatusReading reading = StatusReading.Of("asleep 1796507099", Due.AddSeconds(-42));
        Assert.Equal(Liveness.Asleep, reading.Liveness);
        Assert.Equal(Due, reading.Due);
        Assert.Equal("asleep, next report due by 2026-12-05 21:44:59 UTC (in 42 s)", reading.Describe());
    }

    [Fact]
    public void A_live_table_shows_the_time_of_day_alone()
    {
        Assert.Equal("due 21:44:59 UTC (in 42 s)", StatusReading.Of("asleep 1796507099", Due.AddSeconds(-42)).DueText(brief: true));
        Assert.Equal("was due 21:44:59 UTC (2 h ago)", StatusReading.Of("asleep 1796507099", Due.AddHours(2)).DueText(brief: true));
    }

    [Fact]
    public void A_long_sleep_is_counted_in_minutes_then_hours()
    {
        Assert.EndsWith("(in 10 min)", StatusReading.Of("asleep 1796507099", Due.AddMinutes(-10)).Describe());
        Assert.EndsWith("(in 2 h)", StatusReading.Of("asleep 1796507099", Due.AddHours(-2)).Describe());
    }

    [Fact]
    public void Within_the_second_of_T_it_is_still_asleep_and_overdue_from_the_next()
    {
        // T is whole seconds, truncated by the board: a report due "by 12 s" may come at 12.9 s.
        Assert.Equal(Liveness.Asleep, StatusReading.Of("asleep 1796507099", Due).Liveness);
        StatusReading late = StatusReading.Of("asleep 1796507099", Due.AddMilliseconds(999));
        Assert.Equal(Liveness.Asleep, late.Liveness);
        Assert.EndsWith("(in 0 s)", late.Describe());
        Assert.Equal(Liveness.Overdue, StatusReading.Of("asleep 1796507099", Due.AddSeconds(1)).Liveness);
    }

    [Fact]
    public void After_T_with_no_new_status_it_is_overdue()
    {
        StatusReading reading = StatusReading.Of("asleep 1796507099", Due.AddMinutes(3));
        Assert.Equal(Liveness.Overdue, reading.Liveness);
        Assert.Equal("OVERDUE: asleep, next report was due by 2026-12-05 21:44:59 UTC (3 min ago)", reading.Describe());
    }

    [Theory]
    [InlineData("online", nameof(Liveness.Online))]
    [InlineData("offline", nameof(Liveness.Offline))]
    [InlineData("deaf", nameof(Liveness.Other))]
    [InlineData("asleep", nameof(Liveness.Other))]
    [InlineData("asleep soon", nameof(Liveness.Other))]
    [InlineData("asleep -5", nameof(Liveness.Other))]
    [InlineData("asleep 99999999999999999999", nameof(Liveness.Other))]
    public void Other_statuses_do_not_depend_on_the_time_and_read_as_they_are(string status, string liveness)
    {
        foreach (DateTimeOffset now in new[] { Due.AddDays(-1), Due.AddDays(1) })
        {
            StatusReading reading = StatusReading.Of(status, now);
            Assert.Equal(liveness, reading.Liveness.ToString());
            Assert.Null(reading.Due);
            Assert.Equal(status, reading.Describe());
        }
    }

    [Fact]
    public void Before_any_status_it_is_unknown()
    {
        Assert.Equal(Liveness.Unknown, StatusReading.Of(null, Due).Liveness);
        Assert.Equal("?", StatusReading.Of(null, Due).Describe());
    }

    [Fact]
    public void The_alarm_says_once_per_promise_that_a_board_went_overdue()
    {
        var alarm = new OverdueAlarm();
        var asleep = new DeviceRecord("bat-1") { Status = "asleep 1796507099" };
        var online = new DeviceRecord("mains-1") { Status = "online" };
        var offline = new DeviceRecord("mains-2") { Status = "offline" };
        DeviceRecord[] devices = { asleep, online, offline };

        Assert.Empty(alarm.Check(devices, Due));
        string line = Assert.Single(alarm.Check(devices, Due.AddSeconds(2)));
        Assert.Equal("bat-1 OVERDUE: asleep, next report was due by 2026-12-05 21:44:59 UTC (2 s ago)", line);
        Assert.Empty(alarm.Check(devices, Due.AddSeconds(3)));

        // It woke after all and promised again: a new promise, broken in its turn.
        asleep.Status = "asleep 1796507199";
        Assert.Empty(alarm.Check(devices, Due.AddSeconds(50)));
        Assert.Single(alarm.Check(devices, Due.AddSeconds(101)));
    }

    [Fact]
    public void The_alarm_does_not_repeat_what_a_status_line_said()
    {
        var alarm = new OverdueAlarm();
        DateTimeOffset now = Due.AddMinutes(5); // a watch started long after the board went quiet sees its retained status
        alarm.Shown("bat-1", StatusReading.Of("asleep 1796507099", now));
        Assert.Empty(alarm.Check(new[] { new DeviceRecord("bat-1") { Status = "asleep 1796507099" } }, now));
    }
}
