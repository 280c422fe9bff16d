namespace EdgeSensor.Harness.Cli;

/// <summary>What the process returns; scripts branch on these.</summary>
static class ExitCodes
{
    public const int Ok = 0;
    public const int UserError = 1;
    public const int CommandRejected = 2;
    public const int CommandTimedOut = 3;
}
