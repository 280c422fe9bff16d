using System;

namespace EdgeSensor.ApiListingTool;

/// <summary>The command line: where the reference assemblies are and where the listing goes.</summary>
sealed class Options
{
    public const string Usage =
        "usage: apilisting [--toolchain FILE | --refs DIR] [--output FILE]\n"
        + "  --toolchain  a toolchain.env whose NANO_REFS names the reference assemblies; default: the NANO_REFS variable\n"
        + "               when set, else $XDG_CACHE_HOME/nanoframework-toolchain/toolchain.env (~/.cache when unset)\n"
        + "  --refs       the reference assemblies folder itself\n"
        + "  --output     default: tests/suites/EdgeSensor.Portability.Tests/nanoframework-api-v1.txt in this repository\n"
        + "exit: 0 written, 2 usage or toolchain error";

    public string? ToolchainFile { get; private set; }
    public string? Refs { get; private set; }
    public string? Output { get; private set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException(args[i] + " needs a value\n" + Usage);
            switch (args[i])
            {
                case "--toolchain": options.ToolchainFile = Value(); break;
                case "--refs": options.Refs = Value(); break;
                case "--output": options.Output = Value(); break;
                default: throw new UsageException("unknown argument " + args[i] + "\n" + Usage);
            }
        }
        if (options.ToolchainFile != null && options.Refs != null) throw new UsageException("give --toolchain or --refs, not both\n" + Usage);
        return options;
    }
}
