using System;
using System.Diagnostics;
using EdgeSensor.Fuzzer;

// Usage: --cases N --seed S [--first K]   runs cases K .. K+N-1 (K defaults to 0)
//        --seed S --case K                 runs case K alone and prints its bytes
// Exit code 0: no crash; 1: a case crashed or broke an invariant (its reproduction line is printed); 2: bad arguments.
long cases = 1_000_000, seed = 1, first = 0;
long single = -1;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    if (!long.TryParse(args[i + 1], out long value)) return Usage();
    switch (args[i])
    {
        case "--cases": cases = value; break;
        case "--seed": seed = value; break;
        case "--first": first = value; break;
        case "--case": single = value; break;
        default: return Usage();
    }
}
if (args.Length % 2 != 0) return Usage();

var engine = new FuzzEngine(seed);
if (single >= 0) { first = single; cases = 1; }
Console.WriteLine("fuzz: seed " + seed + ", cases " + first + " .. " + (first + cases - 1));
var clock = Stopwatch.StartNew();
long k = first;
try
{
    for (; k < first + cases; k++)
    {
        engine.Run(k);
        if ((k - first + 1) % 1_000_000 == 0) Console.WriteLine("  " + (k - first + 1) + " cases, " + Rate(k - first + 1, clock) + " cases/s");
    }
}
catch (FuzzCrash crash)
{
    Console.WriteLine("CRASH after " + (k - first) + " cases");
    Console.WriteLine(crash.ToString());
    return 1;
}
clock.Stop();
if (single >= 0) Console.WriteLine(engine.Case.Kind + (engine.Case.ByteAtATime ? " byte at a time" : "") + ", " + engine.Case.Length + " bytes: " + engine.Case.Hex());
Console.WriteLine(cases + " cases in " + clock.Elapsed.TotalSeconds.ToString("F1") + " s: " + Rate(cases, clock) + " cases/s, no crash");
Console.WriteLine();
Console.Write(engine.Outcomes.ToTable());
return 0;

static string Rate(long n, Stopwatch clock) => (n / clock.Elapsed.TotalSeconds).ToString("F0");

static int Usage()
{
    Console.Error.WriteLine("usage: EdgeSensor.Fuzzer [--cases N] [--seed S] [--first K] | --seed S --case K");
    return 2;
}
