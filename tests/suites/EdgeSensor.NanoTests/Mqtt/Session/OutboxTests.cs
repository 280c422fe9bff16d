using EdgeSensor.Mqtt.Session;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Session;

/// <summary>The outbox ring's accounting: entries with their 8-byte headers, and the unusable end of a wrapped ring.</summary>
[TestClass]
public class OutboxTests
{
    const int Header = 8;

    [TestMethod]
    public void BytesUsedCountsEntriesWithTheirHeaders()
    {
        Outbox outbox = new Outbox(100);
        Assert.AreEqual(0, outbox.BytesUsed, "used");
        outbox.TryAppend(12);
        outbox.TryAppend(22);
        Assert.AreEqual(12 + 22 + 2 * Header, outbox.BytesUsed, "used");
    }

    [TestMethod]
    public void BytesUsedAfterAWrapCountsTheUnusableEnd()
    {
        Outbox outbox = new Outbox(100);
        int first = outbox.TryAppend(32);  // [0, 40)
        outbox.TryAppend(32);              // [40, 80)
        outbox.SetState(first, OutboxState.Completed);
        outbox.ReclaimCompleted();         // head at 40
        Assert.AreEqual(40, outbox.BytesUsed, "used");

        Assert.AreEqual(0, outbox.TryAppend(22), "entry"); // 30 bytes do not fit in [80, 100): wraps to the front
        // Live: [40, 80) and [0, 30); the 20 bytes at [80, 100) stay unusable until the head passes them.
        Assert.AreEqual(40 + 20 + 30, outbox.BytesUsed, "used");
    }

    [TestMethod]
    public void BytesUsedIsZeroOnceEverythingIsReclaimed()
    {
        Outbox outbox = new Outbox(100);
        int a = outbox.TryAppend(10);
        int b = outbox.TryAppend(10);
        outbox.SetState(a, OutboxState.Completed);
        outbox.SetState(b, OutboxState.Completed);
        outbox.ReclaimCompleted();
        Assert.AreEqual(0, outbox.BytesUsed, "used");
    }

    [TestMethod]
    public void EntriesFollowInOrderAcrossTheWrap()
    {
        Outbox outbox = new Outbox(100);
        int first = outbox.TryAppend(32);          // [0, 40)
        int second = outbox.TryAppend(32);         // [40, 80)
        outbox.SetState(first, OutboxState.Completed);
        outbox.ReclaimCompleted();
        int third = outbox.TryAppend(22);          // [0, 30), after the wrap
        Assert.AreEqual(second, outbox.First, "entry");
        Assert.AreEqual(third, outbox.Next(second), "entry");
        Assert.AreEqual(-1, outbox.Next(third), "entry");
        Assert.AreEqual(2, outbox.Count, "count");
    }

    [TestMethod]
    public void AnEntryThatDoesNotFitIsRefused()
    {
        Outbox outbox = new Outbox(100);
        Assert.AreEqual(-1, outbox.TryAppend(93), "entry"); // 93 + 8 bytes in 100
        Assert.AreEqual(0, outbox.TryAppend(92), "entry");
        Assert.AreEqual(-1, outbox.TryAppend(0), "entry");
        Assert.AreEqual(1, outbox.Count, "count");
    }

    [TestMethod]
    public void ANewEntryIsQueuedWithoutAnId()
    {
        Outbox outbox = new Outbox(64);
        int entry = outbox.TryAppend(10);
        Assert.AreEqual((int)OutboxState.Queued, (int)outbox.State(entry), "state");
        Assert.AreEqual(0, outbox.PacketId(entry), "id");
        Assert.AreEqual(0, outbox.TimesSent(entry), "sent");
        Assert.AreEqual(10, outbox.PacketLength(entry), "length");
        Assert.AreEqual(entry + Header, outbox.PacketOffset(entry), "offset");
    }
}
