using EdgeSensor.Device.Power;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Power;

/// <summary>One wake of a battery board, on a clock the test moves: when it ends, and how long it sleeps.</summary>
[TestClass]
public class WakeCycleTests
{
    [TestMethod]
    public void TheWakeEndsOnceTheDeviceIsDoneAndEverythingIsAcknowledged()
    {
        WakeCycle cycle = new WakeCycle(60, 30);
        cycle.Begin(1000);
        Assert.AreEqual((int)WakeStep.Work, (int)cycle.Next(1100, false, true), "device busy");
        Assert.AreEqual((int)WakeStep.Work, (int)cycle.Next(1200, true, false), "acks awaited");
        Assert.AreEqual(-1L, cycle.ReadyAt, "not ready");
        Assert.AreEqual((int)WakeStep.Disconnect, (int)cycle.Next(1300, true, true), "done");
        Assert.AreEqual(1300L, cycle.ReadyAt, "ready at");
        Assert.IsFalse(cycle.TimedOut, "in time");
        // The next wake is one interval after this one began, whatever the awake time.
        Assert.AreEqual(59700L, cycle.SleepMs(1300), "sleep");
    }

    [TestMethod]
    public void TheAwakeLimitEndsAWakeThatCannotFinish()
    {
        WakeCycle cycle = new WakeCycle(60, 30);
        cycle.Begin(0);
        Assert.AreEqual(30000L, cycle.MsUntilLimit(0), "limit");
        Assert.AreEqual((int)WakeStep.Work, (int)cycle.Next(29999, false, false), "before");
        Assert.AreEqual((int)WakeStep.Disconnect, (int)cycle.Next(30000, false, false), "at the limit");
        Assert.IsTrue(cycle.TimedOut, "timed out");
        Assert.AreEqual(0L, cycle.MsUntilLimit(31000), "none left");
        Assert.AreEqual((int)WakeStep.Sleep, (int)cycle.AfterDisconnect(30001, true), "no reconnect after the limit");
    }

    [TestMethod]
    public void CommandsThatCameDuringTheDisconnectAreReportedBeforeSleeping()
    {
        WakeCycle cycle = new WakeCycle(60, 30);
        cycle.Begin(0);
        cycle.Next(500, true, true);
        Assert.AreEqual((int)WakeStep.Reconnect, (int)cycle.AfterDisconnect(510, true), "commands waiting");
        Assert.AreEqual((int)WakeStep.Sleep, (int)cycle.AfterDisconnect(510, false), "none");
    }

    [TestMethod]
    public void AWakeTheHostEndsGoesStraightToSleep()
    {
        WakeCycle cycle = new WakeCycle(60, 30);
        cycle.Begin(0);
        cycle.End();
        Assert.AreEqual((int)WakeStep.Disconnect, (int)cycle.Next(10, false, false), "ended");
        Assert.AreEqual((int)WakeStep.Sleep, (int)cycle.AfterDisconnect(11, true), "no reconnect");
    }

    [TestMethod]
    public void AWakeLongerThanItsIntervalStillSleeps()
    {
        WakeCycle cycle = new WakeCycle(1, 30);
        cycle.Begin(0);
        Assert.AreEqual(WakeCycle.MinSleepMs, cycle.SleepMs(5000), "minimum");
        cycle.Begin(10000);
        Assert.AreEqual(-1L, cycle.ReadyAt, "a new wake");
    }
}
