using System;
using System.Collections.Generic;
using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests;

public sealed class SimulatedOutputsTests
{
    [Fact]
    public void DigitalOutputRecordsLevelEveryWriteAndTheChanges()
    {
        var output = new SimulatedDigitalOutput(26);
        var seen = new List<bool>();
        output.Written += seen.Add;

        Assert.False(output.Level);
        output.Write(false);
        output.Write(true);
        output.Write(true);
        output.Write(false);

        Assert.False(output.Level);
        Assert.Equal(4, output.WriteCount);
        Assert.Equal(2, output.ChangeCount);
        Assert.Equal(new[] { false, true, true, false }, output.History);
        Assert.Equal(output.History, seen);
    }

    [Fact]
    public void PwmOutputRecordsDutyEverySettingAndTheChanges()
    {
        var output = new SimulatedPwmOutput(25, 1000);
        var seen = new List<int>();
        output.Written += seen.Add;

        output.SetDutyPercent(0);
        output.SetDutyPercent(40);
        output.SetDutyPercent(40);
        output.SetDutyPercent(100);

        Assert.Equal(100, output.DutyPercent);
        Assert.Equal(4, output.WriteCount);
        Assert.Equal(2, output.ChangeCount);
        Assert.Equal(new[] { 0, 40, 40, 100 }, output.History);
        Assert.Equal(output.History, seen);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void PwmOutputRefusesADutyOutsideZeroToHundred(int percent)
    {
        var output = new SimulatedPwmOutput(25, 1000);

        Assert.Throws<ArgumentOutOfRangeException>(() => output.SetDutyPercent(percent));
        Assert.Equal(0, output.WriteCount);
    }
}
