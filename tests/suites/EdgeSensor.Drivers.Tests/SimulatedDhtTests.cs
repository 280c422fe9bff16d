using EdgeSensor.SimulatedBoard;
using Xunit;

namespace EdgeSensor.Drivers.Tests;

public sealed class SimulatedDhtTests
{
    readonly SimulatedDht dht = new();

    [Fact]
    public void ReturnsTheValuesItWasGiven()
    {
        dht.SetValues(-3.5, 88.0);

        Assert.True(dht.TryRead(out double celsius, out double percent));
        Assert.Equal(-3.5, celsius);
        Assert.Equal(88.0, percent);
    }

    [Fact]
    public void FailsTheNextReadsThenSucceeds()
    {
        dht.FailNext(2);

        Assert.False(dht.TryRead(out _, out _));
        Assert.False(dht.TryRead(out _, out _));
        Assert.True(dht.TryRead(out _, out _));
        Assert.Equal(3, dht.ReadCount);
        Assert.Equal(2, dht.FailedReadCount);
    }

    [Fact]
    public void FailsAlwaysUntilItRecovers()
    {
        dht.FailAlways();

        for (int i = 0; i < 10; i++) Assert.False(dht.TryRead(out _, out _));

        dht.Recover();
        Assert.True(dht.TryRead(out _, out _));
        Assert.Equal(10, dht.FailedReadCount);
    }
}
