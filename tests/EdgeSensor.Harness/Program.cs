using System;

namespace EdgeSensor.Harness;

static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("edgesensor: the simulated device arrives with the device and harness issues; for now, run the tests: dotnet test EdgeSensor.sln");
        return 0;
    }
}
