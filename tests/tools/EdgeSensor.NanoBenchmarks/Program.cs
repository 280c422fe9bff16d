using System;
using EdgeSensor.Mqtt;

namespace EdgeSensor.NanoBenchmarks;

/// <summary>
/// Times the MQTT client's hot paths on the nanoFramework interpreter: `nanobuild bench` runs it on nanoCLR.
/// Each line reads "nanobench name operations total_us us_per_operation". On the POSIX host these are interpreter
/// timings on a desktop CPU, not ESP32 timings: they compare builds and changes, they do not predict a board.
/// </summary>
public static class Program
{
    const int Operations = 1000;
    const int Rounds = 3;

    public static void Main()
    {
        for (int round = 1; round <= Rounds; round++)
        {
            Console.WriteLine("nanobench round " + round.ToString());
            Time("encode-publish-qos1", new EncodePublish());
            Time("decode-publish-qos1", new DecodePublish());
            Time("session-publish-qos0", new SessionPublish(MqttQos.AtMostOnce));
            Time("session-publish-qos1-puback", new SessionPublish(MqttQos.AtLeastOnce));
        }
        Console.WriteLine("nanobench done");
    }

    static void Time(string name, IBenchmark benchmark)
    {
        benchmark.Run(); // once untimed: first-call costs (static constructors, lazy loads) are not per-operation
        long started = DateTime.UtcNow.Ticks;
        for (int i = 0; i < Operations; i++) benchmark.Run();
        long ticks = DateTime.UtcNow.Ticks - started;
        long microseconds = ticks / 10;
        long tenthsPerOperation = microseconds * 10 / Operations;
        Console.WriteLine("nanobench " + name + " " + Operations.ToString() + " " + microseconds.ToString() + " "
            + (tenthsPerOperation / 10).ToString() + "." + (tenthsPerOperation % 10).ToString());
    }
}
