using System.Linq;
using EdgeSensor.Desktop.Fleet;
using Xunit;

namespace EdgeSensor.Integration.Tests.Fleet;

/// <summary>Every fleet member is a device of its own: own id, so own client id [MQTT-3.1.3-2], topics and will.</summary>
public sealed class FleetIdentityTests
{
    [Fact]
    public void Ids_AreTheTemplateIdAndTheIndex()
    {
        var template = FleetTests.Template();
        template.Id = "sim-001";
        using var fleet = new DeviceFleet(template, 12, "127.0.0.1", 1);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => "sim-001-" + i.ToString("D4")), fleet.Ids);
        Assert.Equal("sim-001", template.Id);
    }

    [Fact]
    public void Threads_AreAtMostOnePerProcessor()
    {
        using var fleet = new DeviceFleet(FleetTests.Template(), 100, "127.0.0.1", 1);

        Assert.Equal(System.Math.Min(System.Environment.ProcessorCount, 100), fleet.ThreadCount);
    }
}
