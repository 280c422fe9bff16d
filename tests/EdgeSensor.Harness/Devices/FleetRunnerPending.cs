using EdgeSensor.Harness.Cli;

// Stands in for tests/EdgeSensor.Desktop/Fleet/DeviceFleet.cs, built in parallel, with exactly the API FleetRunner
// uses. Delete this file when the fleet engine is merged: the real class then takes its place.
namespace EdgeSensor.Desktop.Fleet
{
    sealed class DeviceFleet
    {
        const string Pending = "--devices N > 1: the fleet arrives with the fleet engine; run one device (leave out --devices) for now";

        public DeviceFleet(EdgeSensor.Device.DeviceConfig template, int count, string host, int port)
        {
            throw new UserErrorException(Pending);
        }

        public int Online => throw new UserErrorException(Pending);

        public long TelemetryPublished => throw new UserErrorException(Pending);

        public string[] Ids => throw new UserErrorException(Pending);

        public void Start() => throw new UserErrorException(Pending);

        public void Stop() => throw new UserErrorException(Pending);
    }
}
