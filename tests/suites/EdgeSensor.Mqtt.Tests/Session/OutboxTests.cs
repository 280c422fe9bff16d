using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Mqtt.Tests.Session;

public class OutboxTests
{
    const int Header = 8;

    [Fact]
    public void BytesUsed_CountsEntriesWithTheirHeaders()
    {
        var outbox = new Outbox(100);
        Assert.Equal(0, outbox.BytesUsed);
        outbox.TryAppend(12);
        outbox.TryAppend(22);
        Assert.Equal(12 + 22 + 2 * Header, outbox.BytesUsed);
    }

    [Fact]
    public void BytesUsed_AfterWrapping_IncludesTheUnusableEndOfTheRing()
    {
        var outbox = new Outbox(100);
        int first = outbox.TryAppend(32);  // [0, 40)
        outbox.TryAppend(32);              // [40, 80)
        outbox.SetState(first, OutboxState.Completed);
        outbox.ReclaimCompleted();         // head at 40
        Assert.Equal(40, outbox.BytesUsed);

        Assert.Equal(0, outbox.TryAppend(22)); // 30 bytes do not fit in [80, 100): wraps to the front
        // Live: [40, 80) and [0, 30); the 20 bytes at [80, 100) stay unusable until the head passes them.
        Assert.Equal(40 + 20 + 30, outbox.BytesUsed);
    }

    [Fact]
    public void BytesUsed_IsZeroOnceEverythingIsReclaimed()
    {
        var outbox = new Outbox(100);
        int a = outbox.TryAppend(10);
        int b = outbox.TryAppend(10);
        outbox.SetState(a, OutboxState.Completed);
        outbox.SetState(b, OutboxState.Completed);
        outbox.ReclaimCompleted();
        Assert.Equal(0, outbox.BytesUsed);
    }
}
