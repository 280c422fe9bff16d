using System;
using System.Globalization;

namespace EdgeSensor.ThroughputClient;

/// <summary>
/// <c>edgesensor-bench HOST PORT TOPIC N SIZE QOS [--inflight W]</c>: publish throughput per the client contract in tests/tools/throughput/README.md.
/// <c>edgesensor-bench latency HOST PORT TOPIC N SIZE QOS</c>: round trips through the broker to its own subscription.
/// </summary>
static class Program
{
    static int Main(string[] args)
    {
        try
        {
            if (args.Length == 3 && args[0] == "footprint") return FootprintRun.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
            if (args.Length > 0 && args[0] == "latency") return LatencyRun.Run(BenchArguments.Parse(args[1..]));
            return PublishRun.Run(BenchArguments.Parse(args));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("edgesensor-bench: " + e.Message);
            Console.Error.WriteLine("usage: edgesensor-bench HOST PORT TOPIC N SIZE QOS [--inflight W]");
            Console.Error.WriteLine("       edgesensor-bench latency HOST PORT TOPIC N SIZE QOS");
            Console.Error.WriteLine("       edgesensor-bench footprint HOST PORT");
            return 2;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("edgesensor-bench: failed: " + e.Message);
            return 1;
        }
    }

    public static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
