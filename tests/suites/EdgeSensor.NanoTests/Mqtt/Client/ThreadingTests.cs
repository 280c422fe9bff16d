using System.Threading;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Client;

/// <summary>
/// What MqttClient and WriterTurn take from the runtime's threading, checked on nanoCLR itself: events that reset
/// (or not), waits that time out, threads that start, signal and end, and a lock that excludes.
/// </summary>
[TestClass]
public class ThreadingTests
{
    [TestMethod]
    public void AutoResetLetsOneWaitThrough()
    {
        AutoResetEvent e = new AutoResetEvent(false);
        e.Set();
        Assert.IsTrue(e.WaitOne(0, false), "set");
        Assert.IsFalse(e.WaitOne(0, false), "reset");
    }

    [TestMethod]
    public void ManualResetStaysSet()
    {
        ManualResetEvent e = new ManualResetEvent(false);
        e.Set();
        Assert.IsTrue(e.WaitOne(0, false), "set");
        Assert.IsTrue(e.WaitOne(0, false), "set");
        e.Reset();
        Assert.IsFalse(e.WaitOne(0, false), "reset");
    }

    [TestMethod]
    public void AWaitTimesOutFalse()
    {
        Assert.IsFalse(new AutoResetEvent(false).WaitOne(20, false), "set");
    }

    [TestMethod]
    public void AThreadSignalsAndEnds()
    {
        AutoResetEvent e = new AutoResetEvent(false);
        Thread t = new Thread(() => e.Set());
        t.Start();
        Assert.IsTrue(e.WaitOne(5000, false), "set");
        Assert.IsTrue(t.Join(5000), "ended");
        Assert.IsFalse(t.IsAlive, "ended");
    }

    [TestMethod]
    public void ALockExcludes()
    {
        object gate = new object();
        AutoResetEvent started = new AutoResetEvent(false);
        AutoResetEvent entered = new AutoResetEvent(false);
        Thread t;
        lock (gate)
        {
            t = new Thread(() =>
            {
                started.Set();
                lock (gate) entered.Set();
            });
            t.Start();
            Assert.IsTrue(started.WaitOne(5000, false), "set");
            Assert.IsFalse(entered.WaitOne(50, false), "entered"); // excluded while held
        }
        Assert.IsTrue(entered.WaitOne(5000, false), "entered");
        Assert.IsTrue(t.Join(5000), "ended");
    }

    [TestMethod]
    public void CurrentThreadIsStable()
    {
        // MqttClient tells its I/O thread from others by reference (Thread.CurrentThread == ioThread).
        Thread seen = null;
        bool same = false;
        Thread t = new Thread(() =>
        {
            seen = Thread.CurrentThread;
            same = Thread.CurrentThread == Thread.CurrentThread;
        });
        t.Start();
        Assert.IsTrue(t.Join(5000), "ended");
        Assert.IsTrue(same, "same");
        Assert.IsTrue(seen == t, "same");
        Assert.IsFalse(seen == Thread.CurrentThread, "same");
    }
}
