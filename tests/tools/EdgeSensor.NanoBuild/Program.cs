using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeSensor.NanoBuild;

// nanobuild: the nanoFramework build and test run, off Windows. See Usage below and docs/nanoframework.md.
try
{
    Options options = Options.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(Options.Usage);
        return 0;
    }
    Toolchain toolchain = Toolchain.Locate(options.ToolchainFile);
    string root = RepositoryRoot();
    string artifacts = options.Artifacts ?? Path.Combine(root, "artifacts", "nano");
    Console.WriteLine("nanobuild: toolchain from " + toolchain.Source);
    Console.WriteLine("nanobuild: nanoCLR " + toolchain.NanoClr);

    bool allPassed = true;
    foreach (string configuration in options.Configurations)
    {
        DateTime started = DateTime.UtcNow;
        ConfigurationBuild build = ConfigurationBuild.Run(root, artifacts, configuration, toolchain);
        Console.WriteLine();
        Console.WriteLine(configuration + ": " + build.Projects.Count + " projects compiled and converted in " + Seconds(DateTime.UtcNow - started) + " (" + build.Root + ")");
        int nameWidth = build.Projects.Max(p => p.AssemblyName.Length) + 4; // ".pe" and a space
        foreach (NanoProject project in build.Projects)
        {
            Console.WriteLine("  " + (project.AssemblyName + ".pe").PadRight(nameWidth) + new FileInfo(build.PeFile(project)).Length.ToString("N0").PadLeft(9) + " B   "
                + Path.GetRelativePath(root, project.Path));
        }
        if (options.Command == "test")
        {
            foreach (NanoProject tests in build.Projects.Where(p => p.IsUnitTestAssembly)) allPassed &= RunTests(build, tests, toolchain, options);
        }
        else if (options.Command == "bench")
        {
            foreach (NanoProject program in build.Projects.Where(p => p.IsExecutable && Path.GetRelativePath(root, p.Path).StartsWith("tests"))) allPassed &= RunProgram(build, program, toolchain, options);
        }
    }
    return allPassed ? 0 : 1;
}
catch (UsageException e)
{
    Console.Error.WriteLine("nanobuild: " + e.Message);
    return 2;
}
catch (BuildFailedException e)
{
    Console.Error.WriteLine("nanobuild: " + e.Message);
    return 1;
}

static bool RunTests(ConfigurationBuild build, NanoProject tests, Toolchain toolchain, Options options)
{
    List<string> declared = AssemblyMetadata.DeclaredTests(build.Assembly(tests));
    List<string> pe = build.PeClosure(tests);
    string log = Path.Combine(build.Root, "nanoclr-" + tests.Name + ".log");
    UnitTestRun run = UnitTestRun.Execute(toolchain, pe, declared, log, options.Timeout);
    if (options.List)
    {
        foreach (UnitTestRun.Outcome outcome in run.Passed) Console.WriteLine("  passed   " + outcome.Reported);
        foreach (UnitTestRun.Outcome outcome in run.Skipped) Console.WriteLine("  skipped  " + outcome.Reported + ": " + outcome.Detail);
    }
    foreach (UnitTestRun.Outcome outcome in run.Failed) Console.WriteLine("  FAILED   " + outcome.Reported + ": " + outcome.Detail);
    foreach (string test in run.NotRun) Console.WriteLine("  NOT RUN  " + test);
    if (run.TimedOut) Console.WriteLine("  nanoCLR was stopped after " + Seconds(options.Timeout) + " (--timeout)");
    Console.WriteLine(build.Configuration + ": " + Path.GetRelativePath(RepositoryRoot(), tests.Path) + " on nanoCLR: "
        + run.Passed.Count + " passed, " + run.Failed.Count + " failed, " + run.Skipped.Count + " skipped, " + run.NotRun.Count + " not run, of "
        + declared.Count + " declared (" + Seconds(run.Elapsed) + "; log " + log + ")");
    return run.Succeeded;
}

static bool RunProgram(ConfigurationBuild build, NanoProject program, Toolchain toolchain, Options options)
{
    string log = Path.Combine(build.Root, "nanoclr-" + program.Name + ".log");
    ProcessRunner.Result run = ProcessRunner.Run(toolchain.NanoClr, build.PeClosure(program), build.Root, options.Timeout);
    File.WriteAllText(log, run.Output);
    Console.WriteLine(build.Configuration + ": " + program.AssemblyName + " on nanoCLR (log " + log + ")");
    bool finished = false;
    foreach (string line in run.Output.Split('\n'))
    {
        if (!line.StartsWith("nanobench ", StringComparison.Ordinal)) continue;
        Console.WriteLine("  " + line.TrimEnd());
        finished |= line.TrimEnd() == "nanobench done";
    }
    if (!finished) Console.WriteLine("  the program did not finish (" + (run.TimedOut ? "stopped by --timeout" : "exit " + run.ExitCode) + "): see the log");
    return finished;
}

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0") + " s";

static string RepositoryRoot()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeSensor.sln"))) return directory.FullName;
        }
    }
    throw new UsageException("run nanobuild inside the EdgeSensor repository (no EdgeSensor.sln above " + Directory.GetCurrentDirectory() + ")");
}

sealed class Options
{
    public const string Usage =
        "usage: nanobuild [test|build|bench] [--configuration Debug|Release|both] [--toolchain FILE] [--artifacts DIR] [--timeout SECONDS] [--list]\n"
        + "  build   compile every .nfproj (firmware/, tests/) against the nanoFramework reference assemblies and convert it to .pe\n"
        + "  test    build, then run the NFUnitTest assembly on nanoCLR (the default)\n"
        + "  bench   build, then run the programs under tests/ on nanoCLR and print their \"nanobench\" lines\n"
        + "  --configuration  Debug and Release IL by default (both)\n"
        + "  --toolchain      a toolchain.env (NANO_REFS, NANO_PE, NANO_MDP, NANO_CLR); default: the NANO_* variables when all\n"
        + "                   four are set, else " + "$XDG_CACHE_HOME/nanoframework-toolchain/toolchain.env (~/.cache when unset)\n"
        + "  --artifacts      where generated projects, .pe files and logs go (default artifacts/nano in the repository)\n"
        + "  --timeout        limit for one nanoCLR run (default 600)\n"
        + "  --list           print every test, not only failures\n"
        + "exit: 0 all passed, 1 a build step or a test failed, 2 usage or toolchain error";

    public string Command { get; private set; } = "test";
    public string[] Configurations { get; private set; } = { "Debug", "Release" };
    public string ToolchainFile { get; private set; }
    public string Artifacts { get; private set; }
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(600);
    public bool List { get; private set; }
    public bool Help { get; private set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException(arg + " needs a value\n" + Usage);
            switch (arg)
            {
                case "test":
                case "build":
                case "bench":
                    options.Command = arg;
                    break;
                case "--configuration":
                case "-c":
                    string configuration = Value();
                    options.Configurations = configuration switch
                    {
                        "both" => new[] { "Debug", "Release" },
                        "Debug" or "Release" => new[] { configuration },
                        _ => throw new UsageException("--configuration is Debug, Release or both, not " + configuration),
                    };
                    break;
                case "--toolchain": options.ToolchainFile = Path.GetFullPath(Value()); break;
                case "--artifacts": options.Artifacts = Path.GetFullPath(Value()); break;
                case "--timeout":
                    options.Timeout = int.TryParse(Value(), out int seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new UsageException("--timeout takes a positive number of seconds");
                    break;
                case "--list": options.List = true; break;
                case "--help":
                case "-h":
                    options.Help = true;
                    break;
                default: throw new UsageException("unknown argument " + arg + "\n" + Usage);
            }
        }
        return options;
    }
}
