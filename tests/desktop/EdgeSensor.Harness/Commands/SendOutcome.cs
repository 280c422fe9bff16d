using System.Threading;

namespace EdgeSensor.Harness.Commands;

/// <summary>The first answer to a command: the device's new state, or its rejection. Set from the MQTT thread, read once it is set.</summary>
sealed class SendOutcome
{
    readonly ManualResetEventSlim decided = new();
    int set;

    public WaitHandle WaitHandle => decided.WaitHandle;

    public string State { get; private set; }

    public string RejectionReason { get; private set; }

    public void Confirm(string state) => Decide(() => State = state);

    public void Reject(string reason) => Decide(() => RejectionReason = reason);

    void Decide(System.Action record)
    {
        if (Interlocked.Exchange(ref set, 1) == 0)
        {
            record();
            decided.Set();
        }
    }
}
